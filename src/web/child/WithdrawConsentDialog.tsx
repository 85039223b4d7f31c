/** Withdraw a consent: who withdraws it (one guardian, the child, or a recorded decision) and a required note. */
import { Button, Dialog, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { Consent, WithdrawConsentRequest } from '../api-types.ts';
import { ErrorAlert } from '../components/Status.tsx';
import { useConsentText, useGuardianName } from './consent-text.ts';
import { useInvalidateSharing } from './queries.ts';

type Props = { childId: string; consent: Consent; open: boolean; onCancel: () => void; onWithdrawn: () => void };

/** "guardian:<id>", "child" or "decision". */
type PartyChoice = string;

function partyOf(choice: PartyChoice): WithdrawConsentRequest['party'] {
  if (choice === 'child') return { child: true };
  if (choice === 'decision') return { recordedDecision: true };
  return { guardianId: choice.slice('guardian:'.length) };
}

export function WithdrawConsentDialog({ childId, consent, open, onCancel, onWithdrawn }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const headingId = `${id}-heading`;
  const text = useConsentText();
  const guardianName = useGuardianName();
  const invalidate = useInvalidateSharing(childId);
  const [party, setParty] = useState<PartyChoice | null>(null);
  const [note, setNote] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const partyRef = useRef<HTMLFieldSetElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const withdraw = useMutation({
    mutationFn: (body: WithdrawConsentRequest) => api.withdrawConsent(consent.id, body),
    onSuccess: async () => {
      onWithdrawn();
      await invalidate();
    },
    onError: async () => {
      // Someone else may have withdrawn it meanwhile: show what is true now.
      await invalidate();
    },
  });

  const trimmed = note.trim();
  const partyError = showErrors && !party ? t('withdraw.partyRequired') : undefined;
  const noteError = !showErrors
    ? undefined
    : trimmed.length < 3
      ? t('withdraw.noteTooShort')
      : trimmed.length > 2000
        ? t('withdraw.noteTooLong')
        : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (withdraw.isPending) return;
    setShowErrors(true);
    if (!party) return partyRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    if (trimmed.length < 3 || trimmed.length > 2000) return noteRef.current?.focus();
    withdraw.mutate({ party: partyOf(party), note: trimmed });
  };

  const guardians = consent.parties.map((p, i) => ({ ...p, label: guardianName(p.name, i) })).filter((p) => !p.withdrawnAt);

  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={headingId} closeButton={t('withdraw.close')} className='withdraw-dialog'>
      <Dialog.Block>
        <Heading level={2} data-size='xs' id={headingId}>
          {t('withdraw.title')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form className='stack-sm' onSubmit={submit} noValidate>
          <Paragraph data-size='sm'>
            <strong>{text.summary(consent)}</strong>
          </Paragraph>
          <Paragraph data-size='sm'>{t('withdraw.intro')}</Paragraph>
          <Fieldset ref={partyRef}>
            <Fieldset.Legend>{t('withdraw.partyLegend')}</Fieldset.Legend>
            {guardians.map((g) => (
              <Radio
                key={g.guardianId}
                name='party'
                value={`guardian:${g.guardianId}`}
                label={t('withdraw.partyGuardian', { name: g.label })}
                checked={party === `guardian:${g.guardianId}`}
                onChange={() => setParty(`guardian:${g.guardianId}`)}
              />
            ))}
            <Radio name='party' value='child' label={t('withdraw.partyChild')} checked={party === 'child'} onChange={() => setParty('child')} />
            <Radio
              name='party'
              value='decision'
              label={t('withdraw.partyDecision')}
              checked={party === 'decision'}
              onChange={() => setParty('decision')}
            />
            {partyError && <ValidationMessage>{partyError}</ValidationMessage>}
          </Fieldset>
          <Textfield
            ref={noteRef}
            multiline
            rows={3}
            label={t('withdraw.noteLabel')}
            description={t('withdraw.noteDescription')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={noteError}
            aria-required='true'
          />
          {withdraw.isError && <ErrorAlert error={withdraw.error} headingLevel={3} />}
          <div className='button-row'>
            <Button type='submit' data-color='danger' loading={withdraw.isPending} aria-disabled={withdraw.isPending || undefined}>
              {withdraw.isPending ? t('withdraw.submitting') : t('withdraw.submit')}
            </Button>
            <Button variant='tertiary' onClick={onCancel}>
              {t('withdraw.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
