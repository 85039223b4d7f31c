/** Change the named person by hand (pick a professional) or record that the family declined – with a written reason. */
import { Alert, Button, Details, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { ChangeNamedPersonRequest } from '../api-types.ts';
import { ErrorAlert } from '../components/Status.tsx';
import { inSentence } from '../format.ts';
import { StaffPicker } from './StaffPicker.tsx';

type Action = ChangeNamedPersonRequest['action'];

export function ChangeNamedPersonForm({ childId, title }: { childId: string; title: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>('assign');
  const [staffId, setStaffId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  const staffGroupRef = useRef<HTMLFieldSetElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  const change = useMutation({
    mutationFn: (body: ChangeNamedPersonRequest) => api.changeNamedPerson(childId, body),
    onSuccess: async () => {
      setSaved(true);
      setShowErrors(false);
      setReason('');
      setStaffId(null);
      requestAnimationFrame(() => savedRef.current?.focus());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['child', childId] }),
        queryClient.invalidateQueries({ queryKey: ['children'] }),
      ]);
    },
  });

  const trimmed = reason.trim();
  const staffError = showErrors && action === 'assign' && !staffId ? t('change.staffRequired') : undefined;
  const reasonError = !showErrors
    ? undefined
    : trimmed.length < 3
      ? t('change.reasonTooShort')
      : trimmed.length > 2000
        ? t('change.reasonTooLong')
        : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    setShowErrors(true);
    setSaved(false);
    if (action === 'assign' && !staffId) {
      const first = staffGroupRef.current?.querySelector<HTMLInputElement>('input[type="radio"]');
      return first?.focus();
    }
    if (trimmed.length < 3 || trimmed.length > 2000) return reasonRef.current?.focus();
    change.mutate(action === 'assign' && staffId ? { action, staffId, reason: trimmed } : { action: 'decline', reason: trimmed });
  };

  return (
    <Details className='change-named-person'>
      <Details.Summary>{t('change.heading', { title: inSentence(title) })}</Details.Summary>
      <Details.Content>
        <form className='stack' onSubmit={submit} noValidate>
          <Paragraph>{t('change.intro')}</Paragraph>
          <Fieldset>
            <Fieldset.Legend>{t('change.actionLegend')}</Fieldset.Legend>
            <Radio
              name='action'
              value='assign'
              label={t('change.assign')}
              checked={action === 'assign'}
              onChange={() => setAction('assign')}
            />
            <Radio
              name='action'
              value='decline'
              label={t('change.decline')}
              checked={action === 'decline'}
              onChange={() => setAction('decline')}
            />
          </Fieldset>
          {action === 'assign' && <StaffPicker selected={staffId} onSelect={setStaffId} error={staffError} groupRef={staffGroupRef} />}
          <Textfield
            ref={reasonRef}
            multiline
            rows={3}
            label={t('change.reasonLabel')}
            description={t('change.reasonDescription')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
            aria-required='true'
          />
          {change.isError && <ErrorAlert error={change.error} headingLevel={3} />}
          {saved && (
            <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status'>
              <Paragraph>{t('change.saved')}</Paragraph>
            </Alert>
          )}
          <div>
            <Button type='submit' loading={change.isPending} aria-disabled={change.isPending || undefined}>
              {change.isPending ? t('change.saving') : t('change.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
