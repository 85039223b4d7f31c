/**
 * The review (uppföljning) of a plan, in three steps: 1. the wheel scored
 * again – made in the assessment editor, which comes back here with the new
 * assessment; 2. every action marked done, ongoing or not done, with a
 * comment; 3. continue (next review date), revise, or close – back to
 * universal support with the named person. What is filled in is kept in
 * this browser until it is saved, so going to the wheel and back loses
 * nothing.
 */
import { Alert, Button, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../api.ts';
import { REVIEWED_ACTION_STATUSES, type Assessment, type Plan, type PlanReviewOutcome, type ReviewedActionStatus, type ToolDefinition } from '../api-types.ts';
import { useMe } from '../auth.tsx';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, errorMessage, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate, localized, todayIso } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { childQueryKey } from '../pages/ChildPage.tsx';
import { assessmentsQueryKey } from '../wellbeing/queries.ts';
import { conflictOf } from './ConflictPanel.tsx';
import { addDays, isIsoDate, loadStored, reviewDraftKey, store } from './draft.ts';
import { PlanStatusTag, usePlanChildName } from './PlanBits.tsx';
import { planQueryKey, usePlan, usePlanChanged } from './queries.ts';

const OUTCOMES: PlanReviewOutcome[] = ['continue', 'revise', 'close'];

type Mark = { status: ReviewedActionStatus | null; comment: string };
export type ReviewDraft = {
  assessmentId: string | null;
  marks: Record<string, Mark>;
  outcome: PlanReviewOutcome | null;
  nextReviewDate: string;
  comment: string;
};

const ids = {
  assessment: 'review-assessment',
  action: (id: string) => `review-action-${id}`,
  actionComment: (id: string) => `review-action-${id}-comment`,
  outcome: 'review-outcome',
  nextReviewDate: 'review-next-date',
  comment: 'review-comment',
};

/** The assessments made since the plan took effect – the only ones a review may use. */
export function eligibleAssessments(plan: Pick<Plan, 'activatedAt' | 'createdAt'>, items: readonly Assessment[]): Assessment[] {
  const since = todayIso(new Date(plan.activatedAt ?? plan.createdAt));
  return items.filter((a) => a.assessedOn >= since);
}

function initialDraft(plan: Plan, today: string): ReviewDraft {
  const marks: Record<string, Mark> = {};
  for (const need of plan.content.needs) {
    for (const a of need.actions) {
      marks[a.id] = { status: (REVIEWED_ACTION_STATUSES as readonly string[]).includes(a.status) ? (a.status as ReviewedActionStatus) : null, comment: '' };
    }
  }
  return { assessmentId: null, marks, outcome: null, nextReviewDate: addDays(42, today), comment: '' };
}

export function PlanReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const plan = usePlan(id);
  const childName = usePlanChildName();
  const childId = plan.data?.childId ?? '';
  const assessments = useQuery({
    queryKey: assessmentsQueryKey(childId),
    queryFn: ({ signal }) => api.assessments(childId, signal),
    enabled: childId !== '',
  });
  const child = useQuery({
    queryKey: childQueryKey(childId),
    queryFn: ({ signal }) => api.child(childId, signal).then((r) => r.child),
    enabled: childId !== '',
  });
  const name = plan.data ? childName(plan.data.child) : '';
  usePageTitle(plan.data ? t('planReview.title', { child: name }) : plan.isError ? t('plan.notFound') : t('common.loading'));

  if (plan.isPending || me.isPending || (childId && assessments.isPending)) return <Loading />;
  if (plan.isError || !me.data) {
    return (
      <div className='stack'>
        <Heading level={1} data-size='lg'>
          {isApiError(plan.error, 404) ? t('plan.notFound') : t('common.errorHeading')}
        </Heading>
        {plan.error && <ErrorAlert error={plan.error} />}
      </div>
    );
  }
  const p = plan.data;
  const back = (
    <p className='no-print'>
      <DsLink asChild>
        <Link to={`/plans/${p.id}`}>{t('planReview.back')}</Link>
      </DsLink>
    </p>
  );
  if (!p.permissions.canReview) {
    return (
      <div className='stack'>
        {back}
        <Heading level={1} data-size='lg'>
          {t('planReview.title', { child: name })}
        </Heading>
        <Alert data-color='info'>{p.status === 'closed' ? t('planReview.closed') : t('planReview.notAllowed')}</Alert>
      </div>
    );
  }
  const np = child.data?.namedPerson;
  return (
    <div className='stack plan-review' data-size='lg'>
      {back}
      <div className='stack-sm'>
        <Heading level={1} data-size='lg'>
          {t('planReview.title', { child: name })}
        </Heading>
        <div className='tags'>
          <PlanStatusTag status={p.status} />
        </div>
        <Paragraph>{t('planReview.intro')}</Paragraph>
      </div>
      <ReviewForm
        key={p.id}
        plan={p}
        userId={me.data.id}
        tool={assessments.data?.tool ?? null}
        assessments={assessments.data?.items ?? []}
        namedPersonName={np?.status === 'assigned' ? (np.name ?? null) : null}
      />
    </div>
  );
}

function ReviewForm({ plan, userId, tool, assessments, namedPersonName }: { plan: Plan; userId: string; tool: ToolDefinition | null; assessments: Assessment[]; namedPersonName: string | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const planChanged = usePlanChanged();
  const [params] = useSearchParams();
  const today = todayIso();
  const key = reviewDraftKey(userId, plan.id);
  const [draft, setDraft] = useState<ReviewDraft>(() => {
    const stored = loadStored<ReviewDraft>(key);
    const fresh = initialDraft(plan, today);
    return stored ? { ...fresh, ...stored, marks: { ...fresh.marks, ...stored.marks } } : fresh;
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [fromCheck, setFromCheck] = useState(true);
  const [attempt, setAttempt] = useState(0);

  const eligible = eligibleAssessments(plan, assessments);
  const returned = params.get('assessment');
  const eligibleIds = eligible.map((a) => a.id).join(',');
  // Back from the assessment editor: the new assessment is the one to use.
  useEffect(() => {
    if (returned && eligibleIds.split(',').includes(returned)) setDraft((d) => (d.assessmentId === returned ? d : { ...d, assessmentId: returned }));
  }, [returned, eligibleIds]);

  useEffect(() => {
    const timer = setTimeout(() => store(key, draft), 300);
    return () => clearTimeout(timer);
  }, [key, draft]);

  const update = (patch: Partial<ReviewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const mark = (actionId: string, patch: Partial<Mark>) =>
    setDraft((d) => ({ ...d, marks: { ...d.marks, [actionId]: { ...(d.marks[actionId] ?? { status: null, comment: '' }), ...patch } } }));
  const actions = plan.content.needs.flatMap((n, i) => n.actions.map((a, j) => ({ action: a, label: t('plan.action.name', { n: i + 1, a: j + 1 }) })));

  const review = useMutation({
    mutationFn: () =>
      api.reviewPlan(plan.id, {
        baseVersion: plan.version,
        assessmentId: draft.assessmentId ?? '',
        actions: actions.map(({ action }) => ({ actionId: action.id, status: draft.marks[action.id]!.status!, comment: draft.marks[action.id]!.comment.trim() })),
        outcome: draft.outcome!,
        comment: draft.comment.trim() || null,
        nextReviewDate: draft.outcome === 'close' ? null : draft.nextReviewDate,
      }),
    onSuccess: async (result) => {
      store(key, null);
      await planChanged(result);
      await navigate(`/plans/${plan.id}`, { state: { reviewed: draft.outcome } });
    },
    onError: (error) => {
      setFromCheck(false);
      const conflict = conflictOf(error);
      if (conflict) {
        void queryClient.invalidateQueries({ queryKey: planQueryKey(plan.id) });
        setProblems([{ target: '', message: t('planReview.conflict', { names: conflict.changedBy.join(', ') || t('plan.conflict.someone') }) }]);
        return;
      }
      const field = isApiError(error) && typeof error.details?.field === 'string' ? error.details.field : '';
      const target =
        field === 'assessmentId'
          ? ids.assessment
          : field === 'actions'
            ? actions[0]
              ? ids.action(actions[0].action.id)
              : ''
            : field === 'nextReviewDate'
              ? ids.nextReviewDate
              : field === 'comment'
                ? ids.comment
                : '';
      setProblems([{ target, message: errorMessage(error, t('common.errorHeading')) }]);
    },
  });

  const check = (): Problem[] => {
    const found: Problem[] = [];
    if (!draft.assessmentId || !eligible.some((a) => a.id === draft.assessmentId)) found.push({ target: ids.assessment, message: t('planReview.errors.assessment') });
    for (const { action, label } of actions) {
      const m = draft.marks[action.id];
      if (!m?.status) found.push({ target: ids.action(action.id), message: t('planReview.errors.status', { name: label }) });
      if (!m?.comment.trim()) found.push({ target: ids.actionComment(action.id), message: t('planReview.errors.comment', { name: label }) });
    }
    if (!draft.outcome) found.push({ target: ids.outcome, message: t('planReview.errors.outcome') });
    if (draft.outcome && draft.outcome !== 'close' && (!isIsoDate(draft.nextReviewDate) || draft.nextReviewDate < today))
      found.push({ target: ids.nextReviewDate, message: t('planReview.errors.nextReviewDate') });
    if (draft.outcome === 'close' && !draft.comment.trim()) found.push({ target: ids.comment, message: t('planReview.errors.closeReason') });
    return found;
  };
  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (review.isPending) return;
    setAttempt((n) => n + 1);
    review.reset();
    const found = check();
    setProblems(found);
    setFromCheck(true);
    if (found.length === 0) review.mutate();
  };

  const returnTo = `/plans/${plan.id}/review`;
  const newAssessmentHref = `/children/${plan.childId}/assessments/new?returnTo=${encodeURIComponent(returnTo)}`;
  const chosen = eligible.find((a) => a.id === draft.assessmentId) ?? null;
  const earlier = assessments.find((a) => a.id === plan.content.assessmentId) ?? assessments.find((a) => !eligible.includes(a)) ?? null;

  return (
    <>
      <FormErrorSummary key={attempt} problems={problems} heading={fromCheck ? t('planReview.errors.summaryHeading') : t('planReview.errors.apiHeading')} />
      <form
        className='stack'
        onSubmit={submit}
        noValidate
        onKeyDown={(e: KeyboardEvent<HTMLFormElement>) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
        }}
      >
        <section aria-labelledby='review-step1' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='review-step1'>
            {t('planReview.step1.heading')}
          </Heading>
          <Paragraph>{t('planReview.step1.intro')}</Paragraph>
          {eligible.length === 0 ? (
            <div id={ids.assessment} className='stack-sm'>
              <Paragraph>{t('planReview.step1.none')}</Paragraph>
              {problemFor(ids.assessment) && <ValidationMessage>{problemFor(ids.assessment)}</ValidationMessage>}
            </div>
          ) : (
            <Fieldset id={ids.assessment}>
              <Fieldset.Legend>{t('planReview.step1.legend')}</Fieldset.Legend>
              {eligible.map((a) => (
                <Radio
                  key={a.id}
                  name='review-assessment'
                  value={a.id}
                  label={t('planReview.step1.option', { date: formatDate(a.assessedOn, language), author: a.author })}
                  description={a.owningUnitName}
                  checked={draft.assessmentId === a.id}
                  onChange={() => update({ assessmentId: a.id })}
                />
              ))}
              {problemFor(ids.assessment) && <ValidationMessage>{problemFor(ids.assessment)}</ValidationMessage>}
            </Fieldset>
          )}
          <div>
            <Button asChild variant={eligible.length === 0 ? 'primary' : 'secondary'} className='big-button'>
              <Link to={newAssessmentHref}>{t('planReview.step1.new')}</Link>
            </Button>
          </div>
          {chosen && tool && <Comparison tool={tool} earlier={earlier} now={chosen} />}
        </section>

        <section aria-labelledby='review-step2' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='review-step2'>
            {t('planReview.step2.heading')}
          </Heading>
          <Paragraph>{t('planReview.step2.intro')}</Paragraph>
          {actions.length === 0 && <Paragraph>{t('plan.action.none')}</Paragraph>}
          {plan.content.needs.map((need, i) =>
            need.actions.length === 0 ? null : (
              <div key={need.id} className='stack-sm review-need'>
                <Heading level={3} data-size='sm'>
                  {t('plan.need.heading', { n: i + 1 })}: {need.need}
                </Heading>
                {need.actions.map((action, j) => {
                  const label = t('plan.action.name', { n: i + 1, a: j + 1 });
                  const m = draft.marks[action.id] ?? { status: null, comment: '' };
                  return (
                    <div key={action.id} className='action-card review-action' data-action={action.id}>
                      <Fieldset id={ids.action(action.id)}>
                        <Fieldset.Legend>
                          {label}: {action.description}
                        </Fieldset.Legend>
                        <Fieldset.Description>
                          {plan.names.units[action.responsibleUnitId] ?? ''} · {formatDate(action.startDate, language)} – {formatDate(action.dueDate, language)}
                        </Fieldset.Description>
                        <div className='choice-row'>
                          {REVIEWED_ACTION_STATUSES.map((s) => (
                            <Radio
                              key={s}
                              name={`review-${action.id}`}
                              value={s}
                              label={t(`planReview.step2.status.${s}`)}
                              checked={m.status === s}
                              onChange={() => mark(action.id, { status: s })}
                            />
                          ))}
                        </div>
                        {problemFor(ids.action(action.id)) && <ValidationMessage>{problemFor(ids.action(action.id))}</ValidationMessage>}
                      </Fieldset>
                      <Textfield
                        id={ids.actionComment(action.id)}
                        multiline
                        rows={2}
                        label={t('planReview.step2.comment', { n: i + 1, a: j + 1 })}
                        value={m.comment}
                        maxLength={2000}
                        onChange={(e) => mark(action.id, { comment: e.target.value })}
                        error={problemFor(ids.actionComment(action.id))}
                        aria-required='true'
                      />
                    </div>
                  );
                })}
              </div>
            ),
          )}
        </section>

        <section aria-labelledby='review-step3' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='review-step3'>
            {t('planReview.step3.heading')}
          </Heading>
          <Fieldset id={ids.outcome}>
            <Fieldset.Legend>{t('planReview.step3.legend')}</Fieldset.Legend>
            {OUTCOMES.map((o) => (
              <Radio
                key={o}
                name='review-outcome'
                value={o}
                label={t(`planReview.step3.outcome.${o}`)}
                description={t(`planReview.step3.outcomeHelp.${o}`)}
                checked={draft.outcome === o}
                onChange={() => update({ outcome: o })}
              />
            ))}
            {problemFor(ids.outcome) && <ValidationMessage>{problemFor(ids.outcome)}</ValidationMessage>}
          </Fieldset>
          {draft.outcome && draft.outcome !== 'close' && (
            <Textfield
              id={ids.nextReviewDate}
              type='date'
              label={t('planReview.step3.nextReviewDate')}
              value={draft.nextReviewDate}
              min={today}
              onChange={(e) => update({ nextReviewDate: e.target.value })}
              error={problemFor(ids.nextReviewDate)}
              className='date-field'
            />
          )}
          {draft.outcome === 'close' && (
            <div>
              <Button
                variant='secondary'
                type='button'
                onClick={() => update({ comment: namedPersonName ? t('planReview.step3.closeTemplateNamed', { name: namedPersonName }) : t('planReview.step3.closeTemplate') })}
              >
                {t('planReview.step3.useTemplate')}
              </Button>
            </div>
          )}
          {draft.outcome && (
            <Textfield
              id={ids.comment}
              multiline
              rows={3}
              label={draft.outcome === 'close' ? t('planReview.step3.closeReason') : t('planReview.step3.comment')}
              description={draft.outcome === 'close' ? t('planReview.step3.closeReasonDescription') : undefined}
              value={draft.comment}
              maxLength={4000}
              onChange={(e) => update({ comment: e.target.value })}
              error={problemFor(ids.comment)}
              aria-required={draft.outcome === 'close' ? 'true' : undefined}
            />
          )}
        </section>

        <div className='button-row sticky-actions'>
          <Button type='submit' loading={review.isPending} aria-disabled={review.isPending || undefined} className='big-button'>
            {review.isPending ? t('planReview.saving') : t('planReview.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The scores then and now, per indicator, as a table (numbers a screen reader reads). */
function Comparison({ tool, earlier, now }: { tool: ToolDefinition; earlier: Assessment | null; now: Assessment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const score = (a: Assessment | null, key: string, rater: 'professional' | 'child') => {
    const v = a?.ratings.find((r) => r.indicator === key)?.[rater];
    return typeof v === 'number' ? String(v) : '–';
  };
  const rows = tool.indicators.filter((i) => now.ratings.some((r) => r.indicator === i.key) || earlier?.ratings.some((r) => r.indicator === i.key));
  if (rows.length === 0) return null;
  const then = earlier ? formatDate(earlier.assessedOn, language) : t('planReview.compare.noEarlier');
  const nowDate = formatDate(now.assessedOn, language);
  return (
    <div className='table-scroll'>
      <Table border zebra data-size='sm' className='review-compare'>
        <caption>{t('planReview.compare.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t('wellbeing.indicator')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('planReview.compare.col', { rater: t('wellbeing.raters.professional'), date: then })}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('planReview.compare.col', { rater: t('wellbeing.raters.professional'), date: nowDate })}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('planReview.compare.col', { rater: t('wellbeing.raters.child'), date: then })}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('planReview.compare.col', { rater: t('wellbeing.raters.child'), date: nowDate })}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((i) => (
            <Table.Row key={i.key}>
              <Table.HeaderCell scope='row'>{localized(i.name, language)}</Table.HeaderCell>
              <Table.Cell>{score(earlier, i.key, 'professional')}</Table.Cell>
              <Table.Cell>{score(now, i.key, 'professional')}</Table.Cell>
              <Table.Cell>{score(earlier, i.key, 'child')}</Table.Cell>
              <Table.Cell>{score(now, i.key, 'child')}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
