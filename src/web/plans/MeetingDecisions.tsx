/**
 * Decisions from meeting minutes that flow into the plan: the team's
 * decisions, newest meeting first, each with a link to its meeting. Only
 * minutes the reader may read come from the API.
 */
import { Details, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan } from '../api-types.ts';
import { formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

export function MeetingDecisions({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (plan.meetingDecisions.length === 0) return null;
  return (
    <Details data-testid='plan-meeting-decisions'>
      <Details.Summary>{t('plan.meetingDecisions.heading', { count: plan.meetingDecisions.reduce((n, m) => n + m.decisions.length, 0) })}</Details.Summary>
      <Details.Content>
        {plan.meetingDecisions.map((m) => (
          <div key={m.minutesId} className='stack-sm'>
            <Paragraph data-size='sm'>
              <Link to={`/meetings/${m.meetingId}`}>{m.meetingTitle}</Link> · {formatDateTime(m.meetingStartsAt, language)} · {m.unitName}
            </Paragraph>
            <ul>
              {m.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </div>
        ))}
      </Details.Content>
    </Details>
  );
}
