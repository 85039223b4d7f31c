/**
 * On the child's page: "Boka möte för barnets team" – a meeting of the team
 * around the child, with the child as its one point (for the named person,
 * staff where the child is enrolled, or the lead professional, under the
 * guardians' consent for a team meeting) – and the minutes of the child's
 * meetings that the reader may read, newest meeting first.
 */
import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown, useMeetingWords } from './MeetingBits.tsx';
import { MinutesEntry } from './PointMinutes.tsx';
import { useChildMinutes, useMeetingChanged } from './queries.ts';
import type { ChildMeeting } from './types.ts';
import './meetings.css';

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

function BookChildMeeting({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const words = useMeetingWords();
  const id = useId();
  const ids = { date: `${id}-date`, start: `${id}-start`, end: `${id}-end`, location: `${id}-location` };
  const changed = useMeetingChanged();
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [location, setLocation] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [booked, setBooked] = useState<ChildMeeting | null>(null);
  const bookedRef = useFocusWhenShown<HTMLDivElement>(booked);

  const book = useMutation({
    mutationFn: () => meetingsApi.createChildMeeting(childId, { date, start, end, location: location.trim() || null }),
    onSuccess: async (meeting) => {
      setBooked(meeting);
      setDate('');
      setStart('');
      setEnd('');
      setLocation('');
      await changed(childId);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (book.isPending) return;
    setAttempt((n) => n + 1);
    setBooked(null);
    const found: Problem[] = [];
    if (!date) found.push({ target: ids.date, message: t('meetings.book.dateRequired') });
    if (!CLOCK.test(start)) found.push({ target: ids.start, message: t('meetings.book.startRequired') });
    if (!CLOCK.test(end)) found.push({ target: ids.end, message: t('meetings.book.endRequired') });
    else if (CLOCK.test(start) && end <= start) found.push({ target: ids.end, message: t('meetings.book.endAfterStart') });
    setProblems(found);
    if (found.length === 0) book.mutate();
  };

  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  return (
    <div className='stack-sm'>
      {booked && (
        <Alert data-color='success' ref={bookedRef} tabIndex={-1} role='status'>
          <Paragraph>
            {t('meetings.book.booked', { when: words.when(booked) })}{' '}
            <DsLink asChild>
              <Link to={`/meetings/${booked.id}`}>{t('meetings.book.open')}</Link>
            </DsLink>
          </Paragraph>
        </Alert>
      )}
      <Details className='book-child-meeting'>
        <Details.Summary>{t('meetings.book.summary')}</Details.Summary>
        <Details.Content>
          <form className='stack-sm' onSubmit={submit} noValidate>
            <Paragraph>{t('meetings.book.intro')}</Paragraph>
            <FormErrorSummary key={attempt} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
            {problems.length === 0 && <ApiErrorSummary error={book.error} attempt={attempt} heading={t('meetings.book.failed')} childId={childId} />}
            <div className='date-pair'>
              <Textfield
                id={ids.date}
                type='date'
                label={t('meetings.book.date')}
                value={date}
                onChange={(e) => setDate(e.target.value)}
                error={problemFor(ids.date)}
                aria-required='true'
              />
              <Textfield
                id={ids.start}
                type='time'
                label={t('meetings.book.start')}
                value={start}
                onChange={(e) => setStart(e.target.value)}
                error={problemFor(ids.start)}
                aria-required='true'
              />
              <Textfield
                id={ids.end}
                type='time'
                label={t('meetings.book.end')}
                value={end}
                onChange={(e) => setEnd(e.target.value)}
                error={problemFor(ids.end)}
                aria-required='true'
              />
            </div>
            <Textfield
              id={ids.location}
              label={t('meetings.book.location')}
              description={t('meetings.book.locationDescription')}
              value={location}
              maxLength={300}
              onChange={(e) => setLocation(e.target.value)}
            />
            <div>
              <Button type='submit' className='big-button' loading={book.isPending} aria-disabled={book.isPending || undefined}>
                {book.isPending ? t('meetings.saving') : t('meetings.book.submit')}
              </Button>
            </div>
          </form>
        </Details.Content>
      </Details>
    </div>
  );
}

function ChildMinutes({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const minutes = useChildMinutes(childId);
  const items = minutes.data ?? [];
  return (
    <div className='stack-sm'>
      <Heading level={3} data-size='xs'>
        {t('meetings.child.minutesHeading')}
      </Heading>
      {minutes.isPending && <Loading />}
      {minutes.isError && <ErrorAlert error={minutes.error} headingLevel={3} onRetry={() => void minutes.refetch()} />}
      {minutes.isSuccess && items.length === 0 && <Paragraph>{t('meetings.child.noMinutes')}</Paragraph>}
      {items.map((m) => (
        <div key={m.id} className='stack-sm'>
          <Paragraph data-size='sm'>
            <DsLink asChild>
              <Link to={`/meetings/${m.meetingId}`}>{m.meetingTitle}</Link>
            </DsLink>
          </Paragraph>
          <MinutesEntry minutes={m} headingLevel={4} />
        </div>
      ))}
    </div>
  );
}

export function ChildMeetings({ childId }: { childId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby='child-meetings-heading' className='stack-sm child-meetings'>
      <Heading level={2} data-size='sm' id='child-meetings-heading'>
        {t('meetings.child.heading')}
      </Heading>
      <Paragraph>{t('meetings.child.intro')}</Paragraph>
      <BookChildMeeting childId={childId} />
      <ChildMinutes childId={childId} />
    </section>
  );
}
