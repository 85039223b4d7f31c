/**
 * "Möten": my meetings – this week first, then the coming weeks – from the
 * standing teams I belong to and the children's own team meetings I take part
 * in; my standing teams with their members and fixed times in words; and my
 * private calendar link.
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate, todayIso } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { CalendarFeedPanel } from './CalendarFeedPanel.tsx';
import { addDays, splitByWeek } from './format.ts';
import { MeetingTable } from './MeetingList.tsx';
import { useMeetingList } from './queries.ts';
import { StandingTeams } from './StandingTeams.tsx';
import './meetings.css';

/** How far ahead the list looks. */
const WEEKS_AHEAD = 8;

export function MeetingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('meetings.title'));
  const language = currentLanguage();
  const me = useMe().data ?? null;
  const today = todayIso();
  const to = addDays(today, WEEKS_AHEAD * 7);
  const list = useMeetingList(today, to);
  const { thisWeek, later } = splitByWeek(list.data?.items ?? [], today);

  return (
    <div className='stack meetings-page'>
      <Heading level={1} data-size='lg'>
        {t('meetings.title')}
      </Heading>
      <Paragraph>{t('meetings.intro')}</Paragraph>

      <section aria-labelledby='meetings-this-week' className='stack-sm'>
        <Heading level={2} data-size='md' id='meetings-this-week'>
          {t('meetings.list.thisWeek')}
        </Heading>
        {list.isPending && <Loading />}
        {list.isError && <ErrorAlert error={list.error} headingLevel={3} onRetry={() => void list.refetch()} />}
        {list.isSuccess &&
          (thisWeek.length === 0 ? (
            <Paragraph>{t('meetings.list.noneThisWeek')}</Paragraph>
          ) : (
            <MeetingTable items={thisWeek} caption={t('meetings.list.thisWeek')} />
          ))}
      </section>

      <section aria-labelledby='meetings-later' className='stack-sm'>
        <Heading level={2} data-size='md' id='meetings-later'>
          {t('meetings.list.later')}
        </Heading>
        {list.isSuccess && (
          <>
            <Paragraph data-size='sm'>{t('meetings.list.until', { date: formatDate(to, language) })}</Paragraph>
            {later.length === 0 ? <Paragraph>{t('meetings.list.noneLater')}</Paragraph> : <MeetingTable items={later} caption={t('meetings.list.later')} />}
          </>
        )}
      </section>

      <StandingTeams myId={me?.id ?? null} />
      <CalendarFeedPanel />
    </div>
  );
}
