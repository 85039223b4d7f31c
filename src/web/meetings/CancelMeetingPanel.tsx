/**
 * "Ställ in mötet", for those who run the team: in two steps (the button
 * opens the question, a reason everyone in the team may read is required,
 * then "Ja, ställ in mötet"). The meeting stays in the lists, marked
 * cancelled, and leaves the calendar feeds. Refusals are shown in an error
 * summary; the reason field says why it was refused when it was the reason.
 */
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { errorMessage } from '../components/Status.tsx';
import { meetingsApi } from './api.ts';
import { useMeetingChanged } from './queries.ts';
import type { MeetingDetail } from './types.ts';

const REASON_ID = 'meeting-cancel-reason';

export function CancelMeetingPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const openButton = useRef<HTMLButtonElement>(null);

  const cancelMeeting = useMutation({ mutationFn: (why: string) => meetingsApi.cancelMeeting(meeting.id, { reason: why }) });

  const start = () => {
    setOpen(true);
    setTimeout(() => document.getElementById(REASON_ID)?.focus(), 0);
  };
  const keep = () => {
    setOpen(false);
    setProblems([]);
    cancelMeeting.reset();
    setTimeout(() => openButton.current?.focus(), 0);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (cancelMeeting.isPending) return;
    setAttempt((n) => n + 1);
    const why = reason.trim();
    if (!why) {
      setProblems([{ target: REASON_ID, message: t('meetings.cancel.reasonRequired') }]);
      return;
    }
    setProblems([]);
    try {
      await cancelMeeting.mutateAsync(why);
      await changed();
    } catch (error) {
      const field = isApiError(error) && error.details?.field === 'reason' ? REASON_ID : '';
      setProblems([{ target: field, message: errorMessage(error, t('common.errorHeading')) }]);
      // Someone else may have cancelled it meanwhile: show what is true now.
      if (isApiError(error, 409)) void changed();
    }
  };

  const fieldError = problems.find((p) => p.target === REASON_ID)?.message;

  return (
    <section aria-labelledby='meeting-cancel-heading' className='stack-sm form-section no-print'>
      <Heading level={2} data-size='md' id='meeting-cancel-heading'>
        {t('meetings.cancel.heading')}
      </Heading>
      <Paragraph>{t('meetings.cancel.intro')}</Paragraph>
      {!open ? (
        <div>
          <Button ref={openButton} type='button' variant='secondary' data-color='danger' className='big-button' onClick={start}>
            {t('meetings.cancel.open')}
          </Button>
        </div>
      ) : (
        <form className='stack-sm' onSubmit={(e) => void submit(e)} noValidate>
          <FormErrorSummary key={attempt} problems={problems} heading={t('meetings.cancel.errorHeading')} level={3} />
          <Textfield
            id={REASON_ID}
            multiline
            rows={2}
            label={t('meetings.cancel.reason')}
            description={t('meetings.cancel.reasonDescription')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            error={fieldError}
            aria-required='true'
          />
          <div className='button-row'>
            <Button type='submit' data-color='danger' className='big-button' loading={cancelMeeting.isPending} aria-disabled={cancelMeeting.isPending || undefined}>
              {cancelMeeting.isPending ? t('meetings.cancel.cancelling') : t('meetings.cancel.confirm')}
            </Button>
            <Button type='button' variant='secondary' className='big-button' onClick={keep}>
              {t('meetings.cancel.keep')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
