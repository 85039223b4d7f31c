/**
 * Someone else saved the plan while you were writing (409 version_conflict):
 * who, and what they changed – their text beside yours where you both wrote
 * in the same place. Your text stays in the draft; "load their version and
 * reapply my changes" merges field by field, and nothing is saved until you
 * press Spara again.
 */
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import type { PlanChange, PlanContent } from '../api-types.ts';
import { localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { sameValue, valueAtPath } from './draft.ts';

export type ConflictDetails = { currentVersion: number; yourVersion: number; changedBy: string[]; changes: PlanChange[] };

export function conflictOf(error: unknown): ConflictDetails | null {
  if (!isApiError(error, 409) || error.code !== 'version_conflict') return null;
  const d = error.details ?? {};
  return {
    currentVersion: typeof d.currentVersion === 'number' ? d.currentVersion : 0,
    yourVersion: typeof d.yourVersion === 'number' ? d.yourVersion : 0,
    changedBy: Array.isArray(d.changedBy) ? d.changedBy.filter((x): x is string => typeof x === 'string') : [],
    changes: Array.isArray(d.changes) ? (d.changes as PlanChange[]) : [],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A value a person can read (text, a date, a number) – not ids or whole objects. */
function readable(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || UUID.test(value)) return null;
  return value.length > 300 ? `${value.slice(0, 299)}…` : value;
}

/** The labels of the changes at (or around) the given paths. */
export function labelsFor(paths: readonly string[], changes: readonly PlanChange[]): string[] {
  const language = currentLanguage();
  const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  const out = new Set<string>();
  for (const path of paths) {
    const matching = changes.filter((c) => related(c.path, path));
    if (matching.length === 0) out.add(path);
    for (const c of matching) out.add(localized(c.label, language));
  }
  return [...out];
}

export function ConflictPanel({
  conflict,
  base,
  mine,
  busy,
  onReapply,
  onDiscard,
}: {
  conflict: ConflictDetails;
  base: PlanContent | null;
  mine: PlanContent;
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [conflict]);
  const names = conflict.changedBy.join(', ') || t('plan.conflict.someone');

  return (
    <Alert data-color='warning' className='conflict-panel' role='region' aria-labelledby='plan-conflict-heading'>
      <div className='stack-sm'>
        <Heading level={2} data-size='sm' id='plan-conflict-heading' ref={headingRef} tabIndex={-1}>
          {t('plan.conflict.heading')}
        </Heading>
        <Paragraph>{t('plan.conflict.intro', { names, version: conflict.currentVersion })}</Paragraph>
        {conflict.changes.length > 0 ? (
          <ul className='conflict-changes'>
            {conflict.changes.map((c, i) => {
              const theirs = readable(c.after);
              const mineValue = valueAtPath(mine, c.path);
              const iChanged = base !== null && !sameValue(mineValue, valueAtPath(base, c.path));
              const myText = iChanged ? readable(mineValue) : null;
              return (
                <li key={`${c.path}-${i}`} data-path={c.path}>
                  <strong>{localized(c.label, language)}</strong>
                  {(theirs !== null || myText !== null) && (
                    <dl className='conflict-values'>
                      {theirs !== null && (
                        <div>
                          <dt>{t('plan.conflict.theirs')}</dt>
                          <dd>{theirs}</dd>
                        </div>
                      )}
                      {myText !== null && (
                        <div>
                          <dt>{t('plan.conflict.yours')}</dt>
                          <dd>{myText}</dd>
                        </div>
                      )}
                    </dl>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <Paragraph>{t('plan.conflict.statusOnly')}</Paragraph>
        )}
        <Paragraph>{t('plan.conflict.keep')}</Paragraph>
        <div className='button-row'>
          <Button type='button' onClick={onReapply} loading={busy} aria-disabled={busy || undefined} className='big-button'>
            {t('plan.conflict.reapply')}
          </Button>
          <Button type='button' variant='tertiary' onClick={onDiscard} aria-disabled={busy || undefined}>
            {t('plan.conflict.discard')}
          </Button>
        </div>
      </div>
    </Alert>
  );
}
