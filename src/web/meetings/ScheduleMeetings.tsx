/**
 * "Planera nästa möten": books the next N slots (default 4) of a standing
 * team's fixed time; slots that already have a meeting are kept. The receipt
 * lists them with links and takes focus; the meeting lists refresh.
 */
import { Alert, Button, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown, useMeetingWords } from './MeetingBits.tsx';
import { useStandingTeamChanged } from './queries.ts';
import type { ScheduledMeeting, StandingTeam } from './types.ts';

export const DEFAULT_SLOTS = 4;
const MAX_SLOTS = 26;

export function ScheduleMeetings({ team }: { team: StandingTeam }) {
  const { t } = useTranslation();
  const words = useMeetingWords();
  const id = useId();
  const countId = `${id}-count`;
  const changed = useStandingTeamChanged();
  const [count, setCount] = useState(String(DEFAULT_SLOTS));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [scheduled, setScheduled] = useState<ScheduledMeeting[] | null>(null);
  const receiptRef = useFocusWhenShown<HTMLDivElement>(scheduled);

  const schedule = useMutation({
    mutationFn: () => meetingsApi.scheduleMeetings(team.id, { count: Number(count) }),
    onSuccess: async (result) => {
      await changed();
      setScheduled(result.items);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (schedule.isPending) return;
    setAttempt((n) => n + 1);
    setScheduled(null);
    const n = Number(count);
    const found: Problem[] = Number.isInteger(n) && n >= 1 && n <= MAX_SLOTS ? [] : [{ target: countId, message: t('meetings.teams.schedule.countInvalid') }];
    setProblems(found);
    if (found.length === 0) schedule.mutate();
  };

  if (!team.cadence) return <Paragraph data-size='sm'>{t('meetings.teams.schedule.noSlot')}</Paragraph>;

  return (
    <div className='stack-sm'>
      {scheduled && (
        <Alert data-color='success' ref={receiptRef} tabIndex={-1} role='status' className='schedule-receipt'>
          <Paragraph>{t('meetings.teams.schedule.done', { count: scheduled.length })}</Paragraph>
          <ul className='plain-list week-meetings'>
            {scheduled.map((m) => (
              <li key={m.id}>
                <DsLink asChild>
                  <Link to={`/meetings/${m.id}`}>{words.when(m)}</Link>
                </DsLink>
                {!m.created && ` (${t('meetings.teams.schedule.existing')})`}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <form className='schedule-form' onSubmit={submit} noValidate>
        <FormErrorSummary key={`p${attempt}`} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
        {problems.length === 0 && <ApiErrorSummary error={schedule.error} attempt={attempt} heading={t('meetings.teams.schedule.failed')} />}
        <div className='schedule-form__row'>
          <Textfield
            id={countId}
            className='schedule-form__count'
            type='number'
            inputMode='numeric'
            min={1}
            max={MAX_SLOTS}
            label={t('meetings.teams.schedule.count')}
            description={t('meetings.teams.schedule.countDescription')}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            error={problems.find((p) => p.target === countId)?.message}
          />
          <div>
            <Button type='submit' variant='secondary' loading={schedule.isPending} aria-disabled={schedule.isPending || undefined}>
              {schedule.isPending ? t('meetings.saving') : t('meetings.teams.schedule.submit')}
            </Button>
          </div>
        </div>
      </form>
    </div>
  );
}
