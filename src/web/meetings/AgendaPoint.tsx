/**
 * One point on the agenda. A child the reader may see: name (or "protected
 * identity"), age, the family's invitation and attendance, the minutes. A child
 * the reader may not see: only that there is one. A de-identified
 * consultation: age band, situation, question, advice – never a child.
 */
import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FamilyAttendance } from './FamilyAttendance.tsx';
import { InviteFamily } from './InviteFamily.tsx';
import { useMeetingWords } from './MeetingBits.tsx';
import { PointMinutes } from './PointMinutes.tsx';
import type { AgendaItem } from './types.ts';

export function AgendaPoint({ meetingId, item, recordAttendance }: { meetingId: string; item: AgendaItem; recordAttendance: boolean }) {
  const { t } = useTranslation();
  const words = useMeetingWords();
  const name = words.point(item);
  const headingId = `point-${item.id}`;
  const child = item.kind === 'child' && item.identityShown ? item.child : null;

  return (
    <section className='agenda-point stack-sm' aria-labelledby={headingId} data-point={item.id} data-kind={item.kind} data-identity-shown={item.identityShown}>
      <Heading level={3} data-size='sm' id={headingId} className={item.kind === 'child' && !child?.givenName ? 'masked-name' : undefined}>
        <span className='agenda-point__number'>{t('meetings.agenda.number', { n: item.position })}</span> {name}
      </Heading>

      {item.kind === 'consultation' && item.consultation && (
        <dl className='facts facts--column'>
          <div>
            <dt>{t('meetings.agenda.ageBand')}</dt>
            <dd>{t('meetings.agenda.ageBandValue', { ageBand: item.consultation.ageBand })}</dd>
          </div>
          <div>
            <dt>{t('meetings.agenda.fromUnit')}</dt>
            <dd>{item.consultation.unitName}</dd>
          </div>
          <div>
            <dt>{t('meetings.agenda.situation')}</dt>
            <dd className='pre-wrap'>{item.consultation.situation}</dd>
          </div>
          <div>
            <dt>{t('meetings.agenda.question')}</dt>
            <dd className='pre-wrap'>{item.consultation.question}</dd>
          </div>
          <div>
            <dt>{t('meetings.agenda.advice')}</dt>
            <dd className='pre-wrap'>{item.consultation.advice ?? t('meetings.agenda.noAdvice')}</dd>
          </div>
        </dl>
      )}

      {item.kind === 'child' && !child && <Paragraph>{t('meetings.agenda.hiddenExplanation')}</Paragraph>}

      {child && (
        <>
          <Paragraph>
            {t('meetings.agenda.age', { count: child.age })} ·{' '}
            <DsLink asChild>
              <Link to={`/children/${child.id}`}>{t('meetings.agenda.toChild', { name })}</Link>
            </DsLink>
          </Paragraph>
          {item.allowed.inviteFamily && <InviteFamily meetingId={meetingId} item={item} childName={name} />}
          {recordAttendance && <FamilyAttendance meetingId={meetingId} item={item} child={child} childName={name} />}
          <PointMinutes meetingId={meetingId} item={item} child={child} childName={name} />
        </>
      )}
    </section>
  );
}
