/**
 * One meeting, built for the meeting room (a tablet, large text and targets):
 * when and where, the agenda – each child's point with the family's
 * invitation and attendance and the minutes with their decisions, each
 * consultation de-identified – what can be added to the agenda, who of the
 * professionals came, and (for those who run the team) cancelling it.
 */
import { Alert, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { AddToAgenda } from './AddToAgenda.tsx';
import { AgendaPoint } from './AgendaPoint.tsx';
import { CancelMeetingPanel } from './CancelMeetingPanel.tsx';
import { useMeetingWords } from './MeetingBits.tsx';
import { ProfessionalAttendance } from './ProfessionalAttendance.tsx';
import { useMeeting } from './queries.ts';
import './meetings.css';

export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const words = useMeetingWords();
  usePageTitle(meeting.data ? meeting.data.title : meeting.isError ? t('meetings.notFound') : t('common.loading'));

  const back = (
    <p>
      <DsLink asChild>
        <Link to='/meetings'>{t('meetings.back')}</Link>
      </DsLink>
    </p>
  );

  if (meeting.isPending) return <Loading />;
  if (meeting.isError) {
    const notFound = isApiError(meeting.error, 404);
    return (
      <div className='stack'>
        {back}
        <Heading level={1} data-size='lg'>
          {notFound ? t('meetings.notFound') : t('common.errorHeading')}
        </Heading>
        {notFound ? <Paragraph>{t('meetings.notFoundText')}</Paragraph> : <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />}
      </div>
    );
  }

  const m = meeting.data;
  return (
    <div className='stack meeting-page' data-size='lg'>
      {back}
      <header className='stack-sm'>
        <Heading level={1} data-size='lg'>
          {m.title}
        </Heading>
        <dl className='facts meeting-facts'>
          <div>
            <dt>{t('meetings.detail.when')}</dt>
            <dd>{words.when(m)}</dd>
          </div>
          <div>
            <dt>{t('meetings.detail.where')}</dt>
            <dd>{m.location ?? t('meetings.noPlace')}</dd>
          </div>
          <div>
            <dt>{t('meetings.detail.kind')}</dt>
            <dd>{m.kind === 'child' || !m.standingTeam || m.standingTeam.name === m.title ? t(`meetings.kind.${m.kind}`) : m.standingTeam.name}</dd>
          </div>
        </dl>
      </header>
      {m.cancelledAt && (
        <Alert data-color='warning' role='status'>
          <Paragraph>{m.cancelReason ? t('meetings.detail.cancelledReason', { reason: m.cancelReason }) : t('meetings.detail.cancelled')}</Paragraph>
        </Alert>
      )}
      {!m.participant && <Paragraph data-size='sm'>{t('meetings.detail.notParticipant')}</Paragraph>}

      <section aria-labelledby='agenda-heading' className='stack'>
        <Heading level={2} data-size='md' id='agenda-heading'>
          {t('meetings.agenda.heading')}
        </Heading>
        {m.agenda.length === 0 ? (
          <Paragraph>{t('meetings.agenda.empty')}</Paragraph>
        ) : (
          <>
            <Paragraph data-size='sm'>{t('meetings.agenda.privacy')}</Paragraph>
            <div className='agenda stack'>
              {m.agenda.map((item) => (
                <AgendaPoint key={item.id} meetingId={m.id} item={item} recordAttendance={m.allowed.recordAttendance} />
              ))}
            </div>
          </>
        )}
      </section>

      {m.allowed.addAgendaItem && <AddToAgenda meeting={m} />}
      {m.allowed.recordAttendance && <ProfessionalAttendance meeting={m} />}
      {m.allowed.cancel && <CancelMeetingPanel meeting={m} />}
    </div>
  );
}
