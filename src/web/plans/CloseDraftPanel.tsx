/**
 * "Avsluta utkastet": a draft that is not needed after all is closed without
 * ever taking effect – in two steps (the button opens the question, the
 * reason is required, then "Ja, avsluta utkastet"). The API keeps it among
 * the child's earlier plans, and a new plan can be started. Refusals (someone
 * saved meanwhile, no reason) are shown in an error summary.
 */
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, isApiError } from '../api.ts';
import type { Plan } from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { errorMessage } from '../components/Status.tsx';
import { draftKey, store } from './draft.ts';
import { planQueryKey, usePlanChanged } from './queries.ts';

export const CLOSE_REASON_ID = 'plan-close-draft-reason';

/** What PlanPage shows after the draft was closed here. */
export type ClosedDraftState = { closedDraft: true };

export function CloseDraftPanel({ plan, meId }: { plan: Plan; meId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const planChanged = usePlanChanged();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const openButton = useRef<HTMLButtonElement>(null);

  const close = useMutation({
    mutationFn: (why: string) => api.changePlanStatus(plan.id, { baseVersion: plan.version, status: 'closed', reason: why }),
  });

  const start = () => {
    setOpen(true);
    setTimeout(() => document.getElementById(CLOSE_REASON_ID)?.focus(), 0);
  };
  const cancel = () => {
    setOpen(false);
    setProblems([]);
    close.reset();
    setTimeout(() => openButton.current?.focus(), 0);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (close.isPending) return;
    setAttempt((n) => n + 1);
    const why = reason.trim();
    if (!why) {
      setProblems([{ target: CLOSE_REASON_ID, message: t('plan.closeDraft.reasonRequired') }]);
      return;
    }
    setProblems([]);
    try {
      const closed = await close.mutateAsync(why);
      // The draft kept in this browser belongs to a plan that can no longer change.
      store(draftKey(meId, { planId: plan.id }), null);
      await navigate(location.pathname, { replace: true, state: { closedDraft: true } satisfies ClosedDraftState });
      await planChanged(closed);
    } catch (error) {
      const field = isApiError(error) && error.details?.field === 'reason' ? CLOSE_REASON_ID : '';
      setProblems([{ target: field, message: errorMessage(error, t('common.errorHeading')) }]);
      // Someone saved meanwhile: load their version, so the next attempt is made on it.
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: planQueryKey(plan.id) });
    }
  };

  const fieldError = problems.find((p) => p.target === CLOSE_REASON_ID)?.message;

  return (
    <section aria-labelledby='plan-close-draft-heading' id='plan-close-draft' className='stack-sm form-section close-draft-panel no-print' data-size='lg'>
      <Heading level={2} data-size='md' id='plan-close-draft-heading'>
        {t('plan.closeDraft.heading')}
      </Heading>
      <Paragraph>{t('plan.closeDraft.intro')}</Paragraph>
      {!open ? (
        <div>
          <Button ref={openButton} type='button' variant='secondary' data-color='danger' className='big-button' onClick={start}>
            {t('plan.closeDraft.open')}
          </Button>
        </div>
      ) : (
        <form className='stack-sm' onSubmit={(e) => void submit(e)} noValidate>
          <FormErrorSummary key={attempt} problems={problems} heading={t('plan.closeDraft.errorHeading')} level={3} />
          <Textfield
            id={CLOSE_REASON_ID}
            multiline
            rows={3}
            label={t('plan.closeDraft.reason')}
            description={t('plan.closeDraft.reasonDescription')}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
            error={fieldError}
            aria-required='true'
          />
          <Paragraph data-size='sm'>{t('plan.closeDraft.warning')}</Paragraph>
          <div className='button-row'>
            <Button type='submit' data-color='danger' className='big-button' loading={close.isPending} aria-disabled={close.isPending || undefined}>
              {close.isPending ? t('plan.closeDraft.closing') : t('plan.closeDraft.confirm')}
            </Button>
            <Button type='button' variant='secondary' className='big-button' onClick={cancel}>
              {t('plan.closeDraft.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
