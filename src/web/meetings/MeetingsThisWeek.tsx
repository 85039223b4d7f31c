/** "Möten den här veckan" on the start page: my meetings from today to Sunday – when, which, how many points – and a link to all meetings. */
import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { todayIso } from '../format.ts';
import { endOfWeek } from './format.ts';
import { CancelledTag, useMeetingWords } from './MeetingBits.tsx';
import { useMeetingList } from './queries.ts';

export function MeetingsThisWeek() {
  const { t } = useTranslation();
  const words = useMeetingWords();
  const today = todayIso();
  const list = useMeetingList(today, endOfWeek(today));
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby='meetings-week-heading' className='stack-sm meetings-this-week'>
      <Heading level={2} data-size='md' id='meetings-week-heading'>
        {t('meetings.week.heading')}
      </Heading>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} headingLevel={3} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <Paragraph>{t('meetings.week.none')}</Paragraph>}
      {items.length > 0 && (
        <ul className='plain-list week-meetings'>
          {items.map((m) => (
            <li key={m.id} data-meeting={m.id}>
              <DsLink asChild>
                <Link to={`/meetings/${m.id}`}>{m.title}</Link>
              </DsLink>
              {m.cancelledAt && <CancelledTag />}
              <span className='secondary-text'>
                {words.when(m)}
                {m.location ? ` · ${m.location}` : ''} · {words.points(m.agendaCount)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <DsLink asChild>
          <Link to='/meetings'>{t('meetings.week.all')}</Link>
        </DsLink>
      </Paragraph>
    </section>
  );
}
