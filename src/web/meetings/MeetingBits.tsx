/** Small pieces shared by the meeting screens: times and cadences in words, the agenda point's name, the consent message. */
import { Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api.ts';
import { FormErrorSummary } from '../components/FormErrorSummary.tsx';
import { errorMessage } from '../components/Status.tsx';
import { localized, todayIso } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useLabels } from '../labels.ts';
import { cadenceKey, meetingDay, timeSpan, weekdayName } from './format.ts';
import type { AgendaItem, Cadence, ConsentMissingDetails, MeetingSummary } from './types.ts';

/**
 * A ref for a receipt (or other element) that takes focus when it appears –
 * after React has rendered it, so screen-reader and keyboard users land on
 * what just happened.
 */
export function useFocusWhenShown<T extends HTMLElement>(shown: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}

export function useMeetingWords() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = todayIso();
  return {
    /** "tisdag 14 januari" */
    day: (m: Pick<MeetingSummary, 'localDate'>) => meetingDay(m.localDate, language, today),
    /** "13.00–15.00" */
    time: (m: Pick<MeetingSummary, 'localStart' | 'localEnd'>) => timeSpan(m.localStart, m.localEnd, language),
    /** "tisdag 14 januari, 13.00–15.00" */
    when: (m: Pick<MeetingSummary, 'localDate' | 'localStart' | 'localEnd'>) =>
      t('meetings.when', { day: meetingDay(m.localDate, language, today), time: timeSpan(m.localStart, m.localEnd, language) }),
    /** "varannan tisdag 13.00–15.00" */
    cadence: (c: Cadence) =>
      t(`meetings.cadence.${cadenceKey(c.everyWeeks)}`, {
        weekday: weekdayName(c.weekday, language),
        n: c.everyWeeks,
        time: timeSpan(c.start, c.end, language),
      }),
    /** The point's heading: the child's name when the API gives it, else words that reveal nothing. */
    point: (item: AgendaItem) => {
      if (item.kind === 'consultation') {
        return item.consultation ? t('meetings.agenda.consultationTitle', { ageBand: item.consultation.ageBand }) : t('meetings.agenda.consultation');
      }
      if (!item.identityShown || !item.child) return t('meetings.agenda.hiddenChild');
      if (item.child.masked) return localized(item.label, language) || t('meetings.agenda.protectedChild');
      return [item.child.givenName, item.child.familyName].filter(Boolean).join(' ');
    },
    points: (count: number) => t('meetings.points', { count }),
  };
}

export function CancelledTag() {
  const { t } = useTranslation();
  return (
    <Tag data-color='danger' data-size='sm' className='inline-tag'>
      {t('meetings.cancelled')}
    </Tag>
  );
}

/**
 * An API error in the error-summary style. For 422 `consent_missing` it says
 * whom the consent does not cover and where the consent is recorded.
 */
export function ApiErrorSummary({
  error,
  attempt,
  heading,
  childId,
  level = 3,
}: {
  error: unknown;
  attempt: number;
  heading: string;
  childId?: string | null;
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!error) return null;
  const consent = isApiError(error) && error.code === 'consent_missing';
  const missing = consent ? ((error.details as ConsentMissingDetails | undefined)?.missing ?? []) : [];
  return (
    <div className='stack-sm' data-error-code={isApiError(error) ? error.code : undefined}>
      <FormErrorSummary
        key={attempt}
        level={level}
        heading={consent ? t('meetings.consentMissing.heading') : heading}
        problems={[{ target: '', message: errorMessage(error, t('common.errorHeading')) }]}
      />
      {consent && (
        <div className='consent-missing'>
          {missing.length > 0 && (
            <>
              <Paragraph>{t('meetings.consentMissing.notCovered')}</Paragraph>
              <ul>
                {missing.map((m) => (
                  <li key={m.unitId}>
                    {m.unitName} ({labels.agency(m.agencyType)})
                  </li>
                ))}
              </ul>
            </>
          )}
          <Paragraph>{t('meetings.consentMissing.hint')}</Paragraph>
          {childId && (
            <Paragraph>
              <DsLink asChild>
                <Link to={`/children/${childId}#consents-heading`}>{t('meetings.consentMissing.toConsents')}</Link>
              </DsLink>
            </Paragraph>
          )}
        </div>
      )}
    </div>
  );
}
