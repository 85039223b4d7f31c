/**
 * "What changed since the last meeting": every version of the plan with who
 * saved it, when, and what changed in it (the API's change labels in the
 * interface language). Changes since the plan last took effect or was
 * reviewed are counted in the summary line.
 */
import { Details, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PlanVersion } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDateTime, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { usePlanVersions } from './queries.ts';

const KNOWN_EVENTS = ['created', 'saved', 'actions_updated', 'activated', 'review_started', 'closed', 'reviewed_continue', 'reviewed_revise', 'reviewed_close'] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];
const isKnown = (e: string): e is KnownEvent => (KNOWN_EVENTS as readonly string[]).includes(e);

/** The versions after the newest activation or review – "since the last meeting". */
export function sinceLastMeeting(items: readonly PlanVersion[]): { since: PlanVersion | null; versions: PlanVersion[] } {
  const index = items.findIndex((v) => v.event === 'activated' || v.event.startsWith('reviewed_'));
  if (index === -1) return { since: null, versions: [...items] };
  return { since: items[index]!, versions: items.slice(0, index) };
}

export function VersionsPanel({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const versions = usePlanVersions(planId);
  const items = versions.data?.items ?? [];
  const { since, versions: recent } = sinceLastMeeting(items);
  const recentChanges = recent.reduce((n, v) => n + v.changes.length, 0);
  const event = (e: string) => (isKnown(e) ? t(`plan.versions.event.${e}`) : e);

  return (
    <Details className='plan-versions no-print'>
      <Details.Summary>
        {t('plan.versions.summary')}
        {versions.isSuccess &&
          ` – ${since ? t('plan.versions.sinceCount', { count: recentChanges, date: formatDateTime(since.savedAt, language) }) : t('plan.versions.count', { count: items.length })}`}
      </Details.Summary>
      <Details.Content>
        {versions.isPending && <Loading />}
        {versions.isError && <ErrorAlert error={versions.error} headingLevel={3} onRetry={() => void versions.refetch()} />}
        {versions.isSuccess && (
          <ol className='timeline plan-versions__list'>
            {items.map((v) => (
              <li key={v.version} data-version={v.version} data-recent={recent.includes(v) || undefined}>
                <p className='timeline__head'>
                  <strong>{t('plan.versions.version', { version: v.version, event: event(v.event) })}</strong>
                  <span className='secondary-text'>
                    {formatDateTime(v.savedAt, language)} · {v.savedBy}
                  </span>
                </p>
                {v.changes.length > 0 ? (
                  <ul className='plan-versions__changes'>
                    {v.changes.map((c, i) => (
                      <li key={`${c.path}-${i}`} data-kind={c.kind}>
                        {localized(c.label, language)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  v.event !== 'created' && <Paragraph data-size='sm'>{t('plan.versions.noContentChange')}</Paragraph>
                )}
              </li>
            ))}
          </ol>
        )}
      </Details.Content>
    </Details>
  );
}
