/**
 * The wellbeing assessment, made together with the family on a tablet: who
 * took part; per indicator of the child's profile the professional's rating,
 * the child's own and the guardians' (only for those who took part) and a
 * short note, with the wheel drawn as it fills; the child's own words; My
 * World Triangle (strengths and challenges only under the headings that
 * matter); the resilience matrix (facts per quadrant and the child's
 * position). A draft is kept in this browser tab so a reload loses nothing.
 * With `?returnTo=/plans/…/review` (a plan's review) the editor goes back
 * there after saving, with `?assessment=<new id>`.
 */
import { Alert, Button, Checkbox, Details, Fieldset, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../api.ts';
import {
  MATRIX_QUADRANTS,
  type ChildDetail,
  type CreateAssessmentRequest,
  type IndicatorRatingInput,
  type MatrixPosition,
  type MatrixQuadrant,
  type ToolDefinition,
  type TriangleEntryKind,
  type TriangleHeadingKey,
} from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, errorMessage, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDateTime, fullName, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { childQueryKey } from '../pages/ChildPage.tsx';
import { safeReturnPath } from '../plans/draft.ts';
import { today, wheelIndicators, wheelScale } from './adapt.ts';
import { useAssessments, useCreateAssessment } from './queries.ts';
import { ResilienceMatrixPlot } from './ResilienceMatrixPlot.tsx';
import { ScorePicker } from './ScorePicker.tsx';
import type { Rater } from './types.ts';
import { WellbeingWheel } from './WellbeingWheel.tsx';

type RatingDraft = { professional: number | null; child: number | null; guardians: number | null; note: string };
type TriangleDraft = { id: string; heading: TriangleHeadingKey; kind: TriangleEntryKind; text: string };
type FactDraft = { id: string; quadrant: MatrixQuadrant; text: string };

export type AssessmentDraft = {
  assessedOn: string;
  childTookPart: boolean;
  guardianIds: string[];
  professionals: { id: string; name: string; role: string }[];
  ratings: Record<string, RatingDraft>;
  childView: string;
  summary: string;
  triangle: TriangleDraft[];
  facts: FactDraft[];
  position: MatrixPosition | null;
  savedAt?: string;
};

const EMPTY_RATING: RatingDraft = { professional: null, child: null, guardians: null, note: '' };

function emptyDraft(): AssessmentDraft {
  return {
    assessedOn: today(),
    childTookPart: false,
    guardianIds: [],
    professionals: [],
    ratings: {},
    childView: '',
    summary: '',
    triangle: [],
    facts: [],
    position: null,
  };
}

const draftKey = (childId: string) => `samsyn.assessment-draft.${childId}`;

/** Drafts live in sessionStorage: they survive a reload but not closing the tab (children's data on shared tablets). */
function loadDraft(childId: string): AssessmentDraft | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(draftKey(childId));
    return raw ? ({ ...emptyDraft(), ...(JSON.parse(raw) as Partial<AssessmentDraft>) } as AssessmentDraft) : null;
  } catch {
    return null;
  }
}

function storeDraft(childId: string, draft: AssessmentDraft | null): void {
  try {
    if (draft) globalThis.sessionStorage?.setItem(draftKey(childId), JSON.stringify(draft));
    else globalThis.sessionStorage?.removeItem(draftKey(childId));
  } catch {
    // Storage may be unavailable; the draft then lasts for this page only.
  }
}

let counter = 0;
const newId = () => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The request body from a draft: ratings only for those who took part, empty rows left out. */
export function toRequest(
  draft: AssessmentDraft,
  tool: ToolDefinition,
  concernId: string | null,
): CreateAssessmentRequest & { ratings: IndicatorRatingInput[] } {
  const guardiansTookPart = draft.guardianIds.length > 0;
  const ratings = tool.indicators
    .map((indicator) => {
      const r = draft.ratings[indicator.key] ?? EMPTY_RATING;
      return {
        indicator: indicator.key,
        professional: r.professional,
        child: draft.childTookPart ? r.child : null,
        guardians: guardiansTookPart ? r.guardians : null,
        note: r.note.trim() || null,
      };
    })
    .filter((r) => r.professional !== null || r.child !== null || r.guardians !== null || r.note !== null);
  const hasMatrix = draft.facts.length > 0 || draft.position !== null;
  return {
    assessedOn: draft.assessedOn,
    participants: {
      child: draft.childTookPart,
      guardianIds: draft.guardianIds,
      professionals: draft.professionals
        .filter((p) => p.name.trim())
        .map((p) => ({ name: p.name.trim(), role: p.role.trim() || null })),
    },
    ratings,
    childView: draft.childTookPart && draft.childView.trim() ? draft.childView.trim() : null,
    summary: draft.summary.trim() || null,
    triangle: draft.triangle.filter((e) => e.text.trim()).map((e) => ({ heading: e.heading, kind: e.kind, text: e.text.trim() })),
    matrix: hasMatrix ? { facts: draft.facts.map((f) => ({ quadrant: f.quadrant, text: f.text })), position: draft.position } : null,
    ...(concernId ? { concernId } : {}),
  };
}

export function AssessmentEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const child = useQuery({
    queryKey: childQueryKey(id),
    queryFn: ({ signal }) => api.child(id, signal).then((r) => r.child),
  });
  const assessments = useAssessments(id);
  const name = child.data ? (child.data.masked ? t('child.protectedIdentity') : fullName(child.data)) : '';
  usePageTitle(name ? t('assessment.title', { child: name }) : t('common.loading'));

  if (child.isPending || assessments.isPending) return <Loading />;
  if (child.isError || assessments.isError) {
    return (
      <div className='stack'>
        <Heading level={1} data-size='lg'>
          {t('common.errorHeading')}
        </Heading>
        <ErrorAlert error={child.error ?? assessments.error} />
      </div>
    );
  }
  return <AssessmentEditor child={child.data} tool={assessments.data.tool} childName={name} />;
}

function AssessmentEditor({ child, tool, childName }: { child: ChildDetail; tool: ToolDefinition; childName: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const concernId = params.get('concern');
  const returnTo = safeReturnPath(params.get('returnTo'));
  const uid = useId();
  const create = useCreateAssessment(child.id);

  const [restored] = useState(() => loadDraft(child.id));
  const [draft, setDraft] = useState<AssessmentDraft>(() => restored ?? emptyDraft());
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => storeDraft(child.id, { ...draft, savedAt: new Date().toISOString() }), 400);
    return () => clearTimeout(timer);
  }, [child.id, draft]);

  const update = (patch: Partial<AssessmentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const rating = (key: string) => draft.ratings[key] ?? EMPTY_RATING;
  const setRating = (key: string, patch: Partial<RatingDraft>) =>
    setDraft((d) => ({ ...d, ratings: { ...d.ratings, [key]: { ...(d.ratings[key] ?? EMPTY_RATING), ...patch } } }));

  const indicators = useMemo(() => wheelIndicators(tool, language), [tool, language]);
  const scale = useMemo(() => wheelScale(tool, language), [tool, language]);
  const guardiansTookPart = draft.guardianIds.length > 0;
  const raters: Rater[] = ['professional', ...(draft.childTookPart ? (['child'] as const) : []), ...(guardiansTookPart ? (['guardians'] as const) : [])];
  const preview = tool.indicators.map((i) => {
    const r = rating(i.key);
    return { indicator: i.key, professional: r.professional, child: draft.childTookPart ? r.child : null, guardians: guardiansTookPart ? r.guardians : null };
  });

  const ids = {
    date: `${uid}-date`,
    participants: `${uid}-participants`,
    indicator: (key: string) => `${uid}-indicator-${key}`,
    professional: (rowId: string) => `${uid}-professional-${rowId}`,
    entry: (entryId: string) => `${uid}-entry-${entryId}`,
    ratings: `${uid}-ratings`,
  };

  const check = (): Problem[] => {
    const found: Problem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.assessedOn) || draft.assessedOn > today())
      found.push({ target: ids.date, message: t('assessment.errors.date') });
    for (const p of draft.professionals) {
      if (!p.name.trim()) found.push({ target: ids.professional(p.id), message: t('assessment.errors.professionalName') });
    }
    const request = toRequest(draft, tool, concernId);
    if (!request.ratings.some((r) => r.professional !== null || r.child !== null || r.guardians !== null))
      found.push({ target: ids.ratings, message: t('assessment.errors.noRatings') });
    for (const e of draft.triangle) {
      if (!e.text.trim()) found.push({ target: ids.entry(e.id), message: t('assessment.errors.emptyEntry') });
    }
    return found;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setAttempt((n) => n + 1);
    create.reset();
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    create.mutate(toRequest(draft, tool, concernId), {
      onSuccess: async (saved) => {
        storeDraft(child.id, null);
        if (returnTo) {
          await navigate(`${returnTo}${returnTo.includes('?') ? '&' : '?'}assessment=${encodeURIComponent(saved.id)}`);
          return;
        }
        await navigate(`/children/${child.id}`, { state: { assessmentSaved: saved.id } });
      },
    });
  };

  const apiError = create.error;
  const apiIndicator = isApiError(apiError) && typeof apiError.details?.indicator === 'string' ? apiError.details.indicator : null;
  const apiProblems: Problem[] = apiError
    ? [{ target: apiIndicator ? ids.indicator(apiIndicator) : '', message: errorMessage(apiError, t('common.errorHeading')) }]
    : [];
  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  const startOver = () => {
    storeDraft(child.id, null);
    setDraft(emptyDraft());
    setShowRestored(false);
    setProblems([]);
  };

  const guardians = child.guardians;
  const guardianName = (g: ChildDetail['guardians'][number], i: number) =>
    fullName(g) || t('assessment.guardianN', { n: i + 1 });

  return (
    <div className='stack assessment-editor'>
      <p>
        <DsLink asChild>
          {returnTo ? <Link to={returnTo}>{t('assessment.backToReview')}</Link> : <Link to={`/children/${child.id}`}>{t('assessment.back', { child: childName })}</Link>}
        </DsLink>
      </p>
      {returnTo && (
        <Alert data-color='info'>
          <Paragraph>{t('assessment.forReview')}</Paragraph>
        </Alert>
      )}
      <Heading level={1} data-size='lg'>
        {t('assessment.title', { child: childName })}
      </Heading>
      <Paragraph>{t('assessment.intro', { tool: t(`assessment.tool.${tool.tool}`) })}</Paragraph>
      {showRestored && restored && (
        <Alert data-color='info' className='draft-restored'>
          <Paragraph>{t('assessment.draftRestored', { time: formatDateTime(restored.savedAt, language) })}</Paragraph>
          <Button variant='secondary' data-size='sm' type='button' onClick={startOver}>
            {t('assessment.startOver')}
          </Button>
        </Alert>
      )}
      <FormErrorSummary
        key={attempt}
        problems={problems.length > 0 ? problems : apiProblems}
        heading={problems.length > 0 ? t('assessment.errors.summaryHeading') : t('assessment.errors.apiHeading')}
      />
      <form className='stack' onSubmit={submit} noValidate>
        <section aria-labelledby={`${uid}-who`} className='form-section stack-sm'>
          <Heading level={2} data-size='md' id={`${uid}-who`}>
            {t('assessment.whoHeading')}
          </Heading>
          <Textfield
            id={ids.date}
            type='date'
            label={t('assessment.date')}
            value={draft.assessedOn}
            max={today()}
            onChange={(e) => update({ assessedOn: e.target.value })}
            error={problemFor(ids.date)}
            className='date-field'
          />
          <Fieldset id={ids.participants}>
            <Fieldset.Legend>{t('assessment.participantsLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('assessment.participantsDescription')}</Fieldset.Description>
            <div className='big-checks'>
              <Checkbox
                label={t('assessment.childTookPart', { child: childName })}
                value='child'
                checked={draft.childTookPart}
                onChange={(e) => update({ childTookPart: e.target.checked })}
              />
              {guardians.map((g, i) => (
                <Checkbox
                  key={g.id}
                  label={t('assessment.guardianTookPart', { name: guardianName(g, i) })}
                  value={g.id}
                  checked={draft.guardianIds.includes(g.id)}
                  onChange={(e) =>
                    update({ guardianIds: e.target.checked ? [...draft.guardianIds, g.id] : draft.guardianIds.filter((x) => x !== g.id) })
                  }
                />
              ))}
            </div>
          </Fieldset>
          <div className='stack-sm'>
            <p className='field-heading'>{t('assessment.otherProfessionals')}</p>
            {draft.professionals.map((p, i) => (
              <div key={p.id} className='professional-row'>
                <Textfield
                  id={ids.professional(p.id)}
                  label={t('assessment.professionalName', { n: i + 1 })}
                  value={p.name}
                  onChange={(e) => update({ professionals: draft.professionals.map((x) => (x.id === p.id ? { ...x, name: e.target.value } : x)) })}
                  error={problemFor(ids.professional(p.id))}
                />
                <Textfield
                  label={t('assessment.professionalRole', { n: i + 1 })}
                  value={p.role}
                  onChange={(e) => update({ professionals: draft.professionals.map((x) => (x.id === p.id ? { ...x, role: e.target.value } : x)) })}
                />
                <Button
                  variant='tertiary'
                  type='button'
                  onClick={() => update({ professionals: draft.professionals.filter((x) => x.id !== p.id) })}
                >
                  {t('assessment.remove')}
                  <span className='ds-sr-only'> {t('assessment.professionalN', { n: i + 1 })}</span>
                </Button>
              </div>
            ))}
            <div>
              <Button
                variant='secondary'
                type='button'
                onClick={() => update({ professionals: [...draft.professionals, { id: newId(), name: '', role: '' }] })}
              >
                {t('assessment.addProfessional')}
              </Button>
            </div>
          </div>
        </section>

        <section aria-labelledby={`${uid}-wheel`} className='form-section wheel-editor'>
          <div className='stack-sm wheel-editor__fields' id={ids.ratings} tabIndex={-1}>
            <Heading level={2} data-size='md' id={`${uid}-wheel`}>
              {t('assessment.wheelHeading')}
            </Heading>
            <Paragraph data-size='sm'>
              {t('assessment.wheelIntro', { min: scale.min, max: scale.max })}
              {!draft.childTookPart && ` ${t('assessment.childRatingHint')}`}
            </Paragraph>
            {problemFor(ids.ratings) && (
              <p className='ds-validation-message' data-color='danger'>
                {problemFor(ids.ratings)}
              </p>
            )}
            {tool.indicators.map((indicator) => {
              const r = rating(indicator.key);
              const indicatorName = localized(indicator.name, language);
              return (
                <div key={indicator.key} id={ids.indicator(indicator.key)} className='indicator-card' data-indicator={indicator.key}>
                  <Heading level={3} data-size='sm'>
                    {indicatorName}
                  </Heading>
                  {indicator.childStatement && <p className='child-statement'>”{localized(indicator.childStatement, language)}”</p>}
                  <Details className='indicator-card__about'>
                    <Details.Summary>{t('assessment.aboutIndicator', { name: indicatorName })}</Details.Summary>
                    <Details.Content>{localized(indicator.description, language)}</Details.Content>
                  </Details>
                  <ScorePicker
                    id={`${ids.indicator(indicator.key)}-professional`}
                    name={`${uid}-${indicator.key}-professional`}
                    legend={t('assessment.raterLegend', { rater: t('wellbeing.raters.professional'), name: indicatorName })}
                    scale={scale}
                    value={r.professional}
                    onChange={(v) => setRating(indicator.key, { professional: v })}
                  />
                  {draft.childTookPart && (
                    <ScorePicker
                      id={`${ids.indicator(indicator.key)}-child`}
                      name={`${uid}-${indicator.key}-child`}
                      legend={t('assessment.raterLegend', { rater: t('wellbeing.raters.child'), name: indicatorName })}
                      scale={scale}
                      value={r.child}
                      onChange={(v) => setRating(indicator.key, { child: v })}
                    />
                  )}
                  {guardiansTookPart && (
                    <ScorePicker
                      id={`${ids.indicator(indicator.key)}-guardians`}
                      name={`${uid}-${indicator.key}-guardians`}
                      legend={t('assessment.raterLegend', { rater: t('wellbeing.raters.guardians'), name: indicatorName })}
                      scale={scale}
                      value={r.guardians}
                      onChange={(v) => setRating(indicator.key, { guardians: v })}
                    />
                  )}
                  <Textfield
                    multiline
                    rows={2}
                    label={t('assessment.note', { name: indicatorName })}
                    value={r.note}
                    maxLength={2000}
                    onChange={(e) => setRating(indicator.key, { note: e.target.value })}
                  />
                </div>
              );
            })}
          </div>
          <aside className='wheel-editor__preview' aria-label={t('assessment.previewLabel')}>
            <WellbeingWheel
              indicators={indicators}
              scale={scale}
              ratings={preview}
              raters={raters}
              title={t('assessment.previewTitle')}
              table='screen-reader'
            />
          </aside>
        </section>

        <section aria-labelledby={`${uid}-views`} className='form-section stack-sm'>
          <Heading level={2} data-size='md' id={`${uid}-views`}>
            {t('assessment.viewsHeading')}
          </Heading>
          {draft.childTookPart && (
            <Textfield
              multiline
              rows={3}
              label={t('assessment.childView', { child: childName })}
              description={t('assessment.childViewDescription')}
              value={draft.childView}
              maxLength={4000}
              onChange={(e) => update({ childView: e.target.value })}
            />
          )}
          <Textfield
            multiline
            rows={4}
            label={t('assessment.summary')}
            description={t('assessment.summaryDescription')}
            value={draft.summary}
            maxLength={8000}
            onChange={(e) => update({ summary: e.target.value })}
          />
        </section>

        <TriangleEditor tool={tool} entries={draft.triangle} onChange={(triangle) => update({ triangle })} entryId={ids.entry} problemFor={problemFor} />

        <MatrixEditor
          facts={draft.facts}
          position={draft.position}
          range={{ min: tool.matrix.axisMin, max: tool.matrix.axisMax }}
          onFacts={(facts) => update({ facts })}
          onPosition={(position) => update({ position })}
        />

        <div className='button-row sticky-actions'>
          <Button type='submit' loading={create.isPending} aria-disabled={create.isPending || undefined} className='big-button'>
            {create.isPending ? t('assessment.saving') : t('assessment.save')}
          </Button>
          <Button variant='tertiary' type='button' onClick={startOver}>
            {t('assessment.clear')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function TriangleEditor({
  tool,
  entries,
  onChange,
  entryId,
  problemFor,
}: {
  tool: ToolDefinition;
  entries: TriangleDraft[];
  onChange: (entries: TriangleDraft[]) => void;
  entryId: (id: string) => string;
  problemFor: (target: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const uid = useId();
  const add = (heading: TriangleHeadingKey, kind: TriangleEntryKind) => {
    const entry = { id: newId(), heading, kind, text: '' };
    onChange([...entries, entry]);
    setTimeout(() => document.getElementById(entryId(entry.id))?.focus(), 0);
  };
  return (
    <section aria-labelledby={`${uid}-triangle`} className='form-section stack-sm triangle-editor'>
      <Heading level={2} data-size='md' id={`${uid}-triangle`}>
        {t('assessment.triangleHeading')}
      </Heading>
      <Paragraph data-size='sm'>{t('assessment.triangleIntro')}</Paragraph>
      {tool.triangle.sides.map((side) => {
        const headings = tool.triangle.headings.filter((h) => h.side === side.key);
        const count = entries.filter((e) => headings.some((h) => h.key === e.heading)).length;
        return (
          <Details key={side.key} className='triangle-side' defaultOpen={count > 0}>
            <Details.Summary>
              {localized(side.name, language)}
              {count > 0 && ` (${t('assessment.entries', { count })})`}
            </Details.Summary>
            <Details.Content>
              <ul className='triangle-headings'>
                {headings.map((heading) => {
                  const headingName = localized(heading.name, language);
                  const mine = entries.filter((e) => e.heading === heading.key);
                  return (
                    <li key={heading.key} className='triangle-heading' data-heading={heading.key}>
                      <p className='triangle-heading__name'>{headingName.charAt(0).toLocaleUpperCase() + headingName.slice(1)}</p>
                      {mine.map((e) => (
                        <div key={e.id} className='triangle-entry' data-kind={e.kind}>
                          <Textfield
                            id={entryId(e.id)}
                            multiline
                            rows={2}
                            label={t(e.kind === 'strength' ? 'assessment.strengthLabel' : 'assessment.challengeLabel', { heading: headingName })}
                            value={e.text}
                            maxLength={2000}
                            onChange={(ev) => onChange(entries.map((x) => (x.id === e.id ? { ...x, text: ev.target.value } : x)))}
                            error={problemFor(entryId(e.id))}
                          />
                          <Button variant='tertiary' data-size='sm' type='button' onClick={() => onChange(entries.filter((x) => x.id !== e.id))}>
                            {t('assessment.remove')}
                            <span className='ds-sr-only'>
                              {' '}
                              {t(e.kind === 'strength' ? 'assessment.strengthLabel' : 'assessment.challengeLabel', { heading: headingName })}
                            </span>
                          </Button>
                        </div>
                      ))}
                      <div className='button-row'>
                        <Button variant='secondary' data-size='sm' type='button' onClick={() => add(heading.key, 'strength')}>
                          {t('assessment.addStrength')}
                          <span className='ds-sr-only'> – {headingName}</span>
                        </Button>
                        <Button variant='secondary' data-size='sm' type='button' onClick={() => add(heading.key, 'challenge')}>
                          {t('assessment.addChallenge')}
                          <span className='ds-sr-only'> – {headingName}</span>
                        </Button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </Details.Content>
          </Details>
        );
      })}
    </section>
  );
}

function MatrixEditor({
  facts,
  position,
  range,
  onFacts,
  onPosition,
}: {
  facts: FactDraft[];
  position: MatrixPosition | null;
  range: { min: number; max: number };
  onFacts: (facts: FactDraft[]) => void;
  onPosition: (position: MatrixPosition | null) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [newFact, setNewFact] = useState<Record<MatrixQuadrant, string>>({ resilience: '', vulnerability: '', protective_environment: '', adversity: '' });
  const addFact = (quadrant: MatrixQuadrant) => {
    const text = newFact[quadrant].trim();
    if (!text) return;
    onFacts([...facts, { id: newId(), quadrant, text }]);
    setNewFact((n) => ({ ...n, [quadrant]: '' }));
  };
  const grouped = Object.fromEntries(MATRIX_QUADRANTS.map((q) => [q, facts.filter((f) => f.quadrant === q).map((f) => f.text)]));
  const axisText = (axis: 'x' | 'y', v: number) =>
    v === 0
      ? t('assessment.matrixMiddle')
      : t(axis === 'x' ? (v > 0 ? 'assessment.towardsResilience' : 'assessment.towardsVulnerability') : v > 0 ? 'assessment.towardsProtective' : 'assessment.towardsAdversity', {
          value: Math.abs(v),
        });
  const slider = (axis: 'x' | 'y') => {
    const value = position?.[axis] ?? 0;
    const label = axis === 'x' ? t('assessment.matrixX') : t('assessment.matrixY');
    return (
      <div className='matrix-slider'>
        <label htmlFor={`${uid}-${axis}`} className='field-heading'>
          {label}
        </label>
        <input
          id={`${uid}-${axis}`}
          type='range'
          min={range.min}
          max={range.max}
          step={1}
          value={value}
          aria-valuetext={`${value}: ${axisText(axis, value)}`}
          onChange={(e) => onPosition({ x: position?.x ?? 0, y: position?.y ?? 0, [axis]: Number(e.target.value) })}
        />
        <p className='matrix-slider__value' aria-hidden='true'>
          {value} – {axisText(axis, value)}
        </p>
      </div>
    );
  };
  return (
    <section aria-labelledby={`${uid}-matrix`} className='form-section stack-sm matrix-editor'>
      <Heading level={2} data-size='md' id={`${uid}-matrix`}>
        {t('wellbeing.matrix.title')}
      </Heading>
      <Paragraph data-size='sm'>{t('assessment.matrixIntro')}</Paragraph>
      <div className='matrix-editor__facts'>
        {MATRIX_QUADRANTS.map((quadrant) => (
          <div key={quadrant} className='matrix-quadrant' data-quadrant={quadrant}>
            <Heading level={3} data-size='xs'>
              {t(`wellbeing.matrix.factors.${quadrant}`)}
            </Heading>
            <Paragraph data-size='sm' className='secondary-text'>
              {t(`assessment.matrixHelp.${quadrant}`)}
            </Paragraph>
            {facts.some((f) => f.quadrant === quadrant) && (
              <ul className='matrix-quadrant__list'>
                {facts
                  .filter((f) => f.quadrant === quadrant)
                  .map((f) => (
                    <li key={f.id}>
                      <span>{f.text}</span>
                      <Button variant='tertiary' data-size='sm' type='button' onClick={() => onFacts(facts.filter((x) => x.id !== f.id))}>
                        {t('assessment.remove')}
                        <span className='ds-sr-only'> {f.text}</span>
                      </Button>
                    </li>
                  ))}
              </ul>
            )}
            <div className='matrix-quadrant__add'>
              <Textfield
                label={t('assessment.addFactLabel', { quadrant: t(`wellbeing.matrix.factors.${quadrant}`) })}
                value={newFact[quadrant]}
                maxLength={2000}
                onChange={(e) => setNewFact((n) => ({ ...n, [quadrant]: e.target.value }))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addFact(quadrant);
                  }
                }}
              />
              <Button variant='secondary' type='button' onClick={() => addFact(quadrant)}>
                {t('assessment.addFact')}
              </Button>
            </div>
          </div>
        ))}
      </div>
      <div className='matrix-editor__position'>
        <div className='stack-sm'>
          <Checkbox
            label={t('assessment.placeChild')}
            value='position'
            checked={position !== null}
            onChange={(e) => onPosition(e.target.checked ? { x: 0, y: 0 } : null)}
          />
          {position !== null && (
            <>
              {slider('x')}
              {slider('y')}
            </>
          )}
        </div>
        <ResilienceMatrixPlot position={position} range={range} facts={grouped} />
      </div>
    </section>
  );
}
