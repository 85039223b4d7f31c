/**
 * The plan editor, for the lead professional and the named person – made to
 * be used on a tablet with the family in the room: large targets, nothing
 * that navigates away by surprise (Enter in a field never submits), the draft
 * kept in this browser as you type, an explicit "Spara" that saves a new
 * version on top of the one you started from. When someone else saved in
 * between, the conflict panel says who and what, and merges your changes into
 * their version on request. Activation is checked by the API; its checklist
 * and refusals are shown in words.
 */
import { Alert, Button, Checkbox, Details, Fieldset, Heading, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../api.ts';
import { PLAN_AGREEMENTS, RESPONSIBLE_BODIES, type Assessment, type ChildDetail, type Intervention, type Me, type Plan, type PlanContent, type ToolDefinition } from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { errorMessage } from '../components/Status.tsx';
import { useTeam } from '../child/queries.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { wheelIndicators, wheelRatings, wheelScale } from '../wellbeing/adapt.ts';
import { WellbeingWheel } from '../wellbeing/WellbeingWheel.tsx';
import { ActivationPanel } from './ActivationPanel.tsx';
import { ConflictPanel, conflictOf, labelsFor, type ConflictDetails } from './ConflictPanel.tsx';
import {
  addDays,
  checkDraft,
  differsFrom,
  draftKey,
  emptyDraft,
  emptyNeed,
  fieldId,
  fieldIdForApiPath,
  fromContent,
  loadStored,
  mergeContent,
  store,
  toContent,
  type ActionDraft,
  type DraftProblem,
  type NeedDraft,
  type PlanDraft,
  type StoredDraft,
  type ViewDraft,
} from './draft.ts';
import { NeedCard, SelectField } from './NeedEditor.tsx';
import { agenciesOf, buildUnitOptions, looksLikeSip } from './options.ts';
import { planQueryKey, usePlanChanged } from './queries.ts';

type Removed = { kind: 'need'; need: NeedDraft; index: number } | { kind: 'action'; needId: string; action: ActionDraft; index: number };

export type PlanEditorProps = {
  childId: string;
  childName: string;
  plan: Plan | null;
  child: ChildDetail | null;
  me: Me;
  tool: ToolDefinition | null;
  assessments: Assessment[];
  concernId: string | null;
  today: string;
  /** Shown between the form and the activation checklist (the lead professional panel). */
  leadSlot: ReactNode;
};

/** Enter in a one-line field must not submit the form (and navigate) in the middle of a meeting. */
function blockEnterSubmit(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'submit') event.preventDefault();
}

export function PlanEditor({ childId, childName, plan, child, me, tool, assessments, concernId, today, leadSlot }: PlanEditorProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const planChanged = usePlanChanged();
  const team = useTeam(childId);
  const key = draftKey(me.id, plan ? { planId: plan.id } : { childId });

  // ── The working copy and the version it started from ──
  const [initial] = useState(() => {
    const stored = loadStored<StoredDraft>(key);
    if (plan) {
      if (stored && stored.baseVersion !== null && stored.base && differsFrom(stored.draft, stored.base)) {
        return { draft: stored.draft, base: stored.base, baseVersion: stored.baseVersion, restoredAt: stored.savedAt };
      }
      return { draft: fromContent(plan.content), base: plan.content, baseVersion: plan.version, restoredAt: null };
    }
    if (stored) return { draft: stored.draft, base: null, baseVersion: null, restoredAt: stored.savedAt };
    return { draft: emptyDraft(today), base: null, baseVersion: null, restoredAt: null };
  });
  const [draft, setDraft] = useState<PlanDraft>(initial.draft);
  const [base, setBase] = useState<PlanContent | null>(initial.base);
  const [baseVersion, setBaseVersion] = useState<number | null>(initial.baseVersion);
  const [restoredAt, setRestoredAt] = useState<string | null>(initial.restoredAt);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [problemSource, setProblemSource] = useState<'check' | 'api'>('check');
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [merged, setMerged] = useState<{ labels: string[]; version: number } | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [picked, setPicked] = useState<Intervention[]>([]);
  const [activationAttempt, setActivationAttempt] = useState(0);
  const [activated, setActivated] = useState(false);
  const activatedRef = useRef<HTMLDivElement>(null);

  const dirty = plan ? differsFrom(draft, base) : differsFrom(draft, toContent(emptyDraft(today)));
  const stale = plan !== null && baseVersion !== null && baseVersion < plan.version && conflict === null && dirty;

  // A newer version arrived (someone saved, a status changed) while nothing here is unsaved: take it as it is.
  useEffect(() => {
    if (!plan || baseVersion === null || plan.version <= baseVersion || dirty || conflict) return;
    setDraft(fromContent(plan.content));
    setBase(plan.content);
    setBaseVersion(plan.version);
  }, [plan, baseVersion, dirty, conflict]);

  // Autosave of the draft in this browser, a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      store(key, dirty ? ({ baseVersion, base, draft, savedAt: new Date().toISOString() } satisfies StoredDraft) : null);
    }, 400);
    return () => clearTimeout(timer);
  }, [key, draft, base, baseVersion, dirty]);

  const update = (patch: Partial<PlanDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSavedVersion(null);
  };
  const setNeed = (need: NeedDraft) => update({ needs: draft.needs.map((n) => (n.id === need.id ? need : n)) });

  // ── What the form chooses from ──
  const indicators = useMemo(() => (tool ? wheelIndicators(tool, language) : []), [tool, language]);
  const units = useMemo(
    () => buildUnitOptions({ me, team: team.data, child, lead: plan?.leadProfessional ?? null, plan, picked }),
    [me, team.data, child, plan, picked],
  );
  const actionUnitIds = draft.needs.flatMap((n) => n.actions.map((a) => a.responsibleUnitId)).filter(Boolean);
  const agencies = agenciesOf(actionUnitIds, units);
  const showSip = Boolean(plan?.isSip) || looksLikeSip(agencies) || draft.overallResponsibility !== null || draft.otherMeasures.trim() !== '';
  const interventionTitle = (id: string) => picked.find((i) => i.id === id)?.title ?? plan?.names.interventions[id] ?? null;
  const linked = assessments.find((a) => a.id === draft.assessmentId) ?? null;
  const latest = assessments[0] ?? null;

  // ── Save ──
  const describe = (p: DraftProblem): string => t(`plan.errors.${p.key}`, { n: p.n ?? 0, a: p.a ?? 0 });
  const apiProblem = (error: unknown): Problem[] => {
    const field = isApiError(error) && typeof error.details?.field === 'string' ? error.details.field : '';
    return [{ target: field ? fieldIdForApiPath(field, draft) : '', message: errorMessage(error, t('common.errorHeading')) }];
  };

  const save = useMutation({
    mutationFn: async (content: PlanContent) =>
      plan ? api.savePlan(plan.id, { baseVersion: baseVersion ?? plan.version, content }) : api.createPlan(childId, { content, concernId }),
  });

  /** Saves the draft; resolves to the saved plan, or null when it could not be saved (problems or a conflict are shown). */
  const saveDraft = async (): Promise<Plan | null> => {
    setAttempt((n) => n + 1);
    setMerged(null);
    const found = checkDraft(draft).map((p) => ({ target: p.target, message: describe(p) }));
    setProblems(found);
    setProblemSource('check');
    if (found.length > 0) return null;
    const content = toContent(draft);
    try {
      const saved = await save.mutateAsync(content);
      setConflict(null);
      setRestoredAt(null);
      if (!plan) {
        store(key, null);
        queryClient.setQueryData(planQueryKey(saved.id), saved);
        await queryClient.invalidateQueries({ queryKey: ['child', childId, 'plans'] });
        await navigate(`/plans/${saved.id}`, { replace: true, state: { created: true } });
        return saved;
      }
      setBase(saved.content);
      setBaseVersion(saved.version);
      setSavedVersion(saved.version);
      if (!differsFrom(draft, saved.content)) store(key, null);
      await planChanged(saved);
      return saved;
    } catch (error) {
      const c = conflictOf(error);
      if (c) setConflict(c);
      else {
        setProblems(apiProblem(error));
        setProblemSource('api');
      }
      return null;
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    void saveDraft();
  };

  // ── Their version, my changes ──
  const [reapplying, setReapplying] = useState(false);
  const loadLatest = async () => {
    if (!plan) return null;
    return queryClient.fetchQuery({ queryKey: planQueryKey(plan.id), queryFn: ({ signal }) => api.plan(plan.id, signal), staleTime: 0 });
  };
  const reapply = async () => {
    setReapplying(true);
    try {
      const latestPlan = await loadLatest();
      if (!latestPlan) return;
      const changes = conflict?.changes ?? [];
      const result = mergeContent(base ?? latestPlan.content, toContent(draft), latestPlan.content);
      setDraft(fromContent(result.content));
      setBase(latestPlan.content);
      setBaseVersion(latestPlan.version);
      setConflict(null);
      setProblems([]);
      setMerged({ labels: labelsFor(result.bothChanged, changes), version: latestPlan.version });
    } catch (error) {
      setProblems(apiProblem(error));
      setProblemSource('api');
    } finally {
      setReapplying(false);
    }
  };
  const discardMine = async () => {
    setReapplying(true);
    try {
      const latestPlan = await loadLatest();
      if (!latestPlan) return;
      setDraft(fromContent(latestPlan.content));
      setBase(latestPlan.content);
      setBaseVersion(latestPlan.version);
      setConflict(null);
      setMerged(null);
      setRestoredAt(null);
      store(key, null);
    } finally {
      setReapplying(false);
    }
  };

  const forgetDraft = () => {
    const fresh = plan ? fromContent(plan.content) : emptyDraft(today);
    setDraft(fresh);
    setBase(plan?.content ?? null);
    setBaseVersion(plan?.version ?? null);
    setRestoredAt(null);
    setProblems([]);
    store(key, null);
  };

  // ── Activate (saving first when there are unsaved changes) ──
  const activate = useMutation({
    mutationFn: async () => {
      if (!plan) throw new Error('no plan');
      let version = baseVersion ?? plan.version;
      if (dirty) {
        const saved = await saveDraft();
        if (!saved) return null;
        version = saved.version;
      }
      return api.changePlanStatus(plan.id, { baseVersion: version, status: 'active' });
    },
    onSuccess: async (result) => {
      if (!result) return;
      setBase(result.content);
      setBaseVersion(result.version);
      setActivated(true);
      requestAnimationFrame(() => activatedRef.current?.focus());
      await planChanged(result);
    },
    onError: (error) => {
      const c = conflictOf(error);
      if (c) {
        setConflict(c);
        activate.reset();
      }
    },
  });

  // ── Needs and actions ──
  const addNeed = () => {
    const need = emptyNeed();
    update({ needs: [...draft.needs, need] });
    setTimeout(() => document.getElementById(fieldId.need(need.id, 'indicator'))?.focus(), 0);
  };
  const removeNeed = (need: NeedDraft, index: number) => {
    update({ needs: draft.needs.filter((n) => n.id !== need.id) });
    setRemoved({ kind: 'need', need, index });
  };
  const removeAction = (need: NeedDraft, action: ActionDraft, index: number) => {
    setNeed({ ...need, actions: need.actions.filter((a) => a.id !== action.id) });
    setRemoved({ kind: 'action', needId: need.id, action, index });
  };
  const undoRemove = () => {
    if (!removed) return;
    if (removed.kind === 'need') {
      const needs = [...draft.needs];
      needs.splice(Math.min(removed.index, needs.length), 0, removed.need);
      update({ needs });
    } else {
      const need = draft.needs.find((n) => n.id === removed.needId);
      if (need) {
        const actions = [...need.actions];
        actions.splice(Math.min(removed.index, actions.length), 0, removed.action);
        setNeed({ ...need, actions });
      }
    }
    setRemoved(null);
  };

  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;
  const setView = (which: 'childView' | 'guardiansView', patch: Partial<ViewDraft>) => update({ [which]: { ...draft[which], ...patch } });
  const summaryHeading = problemSource === 'check' ? t('plan.errors.summaryHeading') : t('plan.errors.apiHeading');

  return (
    <div className='stack plan-editor' data-size='lg'>
      {restoredAt && (
        <Alert data-color='info' className='draft-restored'>
          <div className='stack-sm'>
            <Paragraph>{t('plan.draft.restored', { time: formatDateTime(restoredAt, language) })}</Paragraph>
            <div>
              <Button variant='secondary' type='button' onClick={forgetDraft}>
                {t('plan.draft.forget')}
              </Button>
            </div>
          </div>
        </Alert>
      )}
      {stale && plan && (
        <Alert data-color='warning' className='draft-stale'>
          <div className='stack-sm'>
            <Paragraph>{t('plan.draft.stale', { version: plan.version })}</Paragraph>
            <div className='button-row'>
              <Button type='button' onClick={() => void reapply()} loading={reapplying}>
                {t('plan.conflict.reapply')}
              </Button>
            </div>
          </div>
        </Alert>
      )}
      {conflict && (
        <ConflictPanel conflict={conflict} base={base} mine={toContent(draft)} busy={reapplying} onReapply={() => void reapply()} onDiscard={() => void discardMine()} />
      )}
      {merged && (
        <Alert data-color='info' role='status' className='merged-notice'>
          <div className='stack-sm'>
            <Paragraph>{t('plan.conflict.merged', { version: merged.version })}</Paragraph>
            {merged.labels.length > 0 && (
              <>
                <Paragraph>{t('plan.conflict.bothChanged')}</Paragraph>
                <ul>
                  {merged.labels.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </Alert>
      )}
      {activated && (
        <Alert data-color='success' ref={activatedRef} tabIndex={-1} role='status'>
          <Paragraph>{t('plan.activation.activated')}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary key={attempt} problems={problems} heading={summaryHeading} />

      <form className='stack' onSubmit={submit} onKeyDown={blockEnterSubmit} noValidate>
        <section aria-labelledby='plan-why-heading' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='plan-why-heading'>
            {t('plan.why.heading')}
          </Heading>
          <Textfield
            id={fieldId.reason}
            multiline
            rows={4}
            label={t('plan.why.reason')}
            description={t('plan.why.reasonDescription')}
            value={draft.reason}
            maxLength={4000}
            onChange={(e) => update({ reason: e.target.value })}
            error={problemFor(fieldId.reason)}
            aria-required='true'
          />
        </section>

        <section aria-labelledby='plan-assessment-heading' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='plan-assessment-heading'>
            {t('plan.assessment.heading')}
          </Heading>
          {assessments.length > 0 ? (
            <>
              <SelectField
                id='plan-assessmentId'
                label={t('plan.assessment.link')}
                description={t('plan.assessment.linkDescription')}
                value={draft.assessmentId ?? ''}
                onChange={(value) => update({ assessmentId: value || null })}
              >
                <Select.Option value=''>{t('plan.assessment.none')}</Select.Option>
                {assessments.map((a) => (
                  <Select.Option key={a.id} value={a.id}>
                    {t('plan.assessment.option', { date: formatDate(a.assessedOn, language), author: a.author, unit: a.owningUnitName })}
                  </Select.Option>
                ))}
              </SelectField>
              {latest && draft.assessmentId !== latest.id && (
                <div>
                  <Button variant='secondary' type='button' onClick={() => update({ assessmentId: latest.id })}>
                    {t('plan.assessment.useLatest', { date: formatDate(latest.assessedOn, language) })}
                  </Button>
                </div>
              )}
              {linked && tool && (
                <Details className='linked-assessment'>
                  <Details.Summary>{t('plan.assessment.showWheel', { date: formatDate(linked.assessedOn, language) })}</Details.Summary>
                  <Details.Content>
                    <WellbeingWheel
                      indicators={indicators}
                      scale={wheelScale(tool, language)}
                      ratings={wheelRatings(linked)}
                      title={t('wellbeingSection.latestWheel', { date: formatDate(linked.assessedOn, language) })}
                    />
                  </Details.Content>
                </Details>
              )}
            </>
          ) : (
            <Paragraph data-size='sm'>{t('plan.assessment.noAssessments')}</Paragraph>
          )}
          <Textfield
            id={fieldId.assessmentSummary}
            multiline
            rows={3}
            label={t('plan.assessment.summary')}
            description={t('plan.assessment.summaryDescription')}
            value={draft.assessmentSummary}
            maxLength={4000}
            onChange={(e) => update({ assessmentSummary: e.target.value })}
          />
          {linked?.summary && !draft.assessmentSummary.trim() && (
            <div>
              <Button variant='tertiary' type='button' onClick={() => update({ assessmentSummary: linked.summary ?? '' })}>
                {t('plan.assessment.copySummary')}
              </Button>
            </div>
          )}
        </section>

        <section aria-labelledby='plan-needs-heading' className='form-section stack-sm' id={fieldId.needs}>
          <Heading level={2} data-size='md' id='plan-needs-heading'>
            {t('plan.needs.heading')}
          </Heading>
          <Paragraph>{t('plan.needs.intro')}</Paragraph>
          {removed && (
            <Alert data-color='info' role='status' className='undo-remove'>
              <div className='button-row'>
                <Paragraph>{removed.kind === 'need' ? t('plan.needs.removedNeed') : t('plan.needs.removedAction')}</Paragraph>
                <Button variant='secondary' type='button' onClick={undoRemove}>
                  {t('plan.needs.undo')}
                </Button>
              </div>
            </Alert>
          )}
          {draft.needs.length === 0 && <Paragraph>{t('plan.needs.none')}</Paragraph>}
          <ol className='need-list'>
            {draft.needs.map((need, i) => (
              <NeedCard
                key={need.id}
                need={need}
                index={i}
                indicators={indicators}
                units={units}
                today={today}
                reviewDate={draft.reviewDate}
                problemFor={problemFor}
                interventionTitle={interventionTitle}
                onChange={setNeed}
                onRemove={() => removeNeed(need, i)}
                onRemoveAction={(action, index) => removeAction(need, action, index)}
                onPick={(intervention) => setPicked((p) => (p.some((x) => x.id === intervention.id) ? p : [...p, intervention]))}
              />
            ))}
          </ol>
          <div>
            <Button variant='secondary' type='button' onClick={addNeed}>
              {t('plan.needs.add')}
            </Button>
          </div>
        </section>

        <section aria-labelledby='plan-views-heading' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='plan-views-heading'>
            {t('plan.views.heading')}
          </Heading>
          <Paragraph>{t('plan.views.intro')}</Paragraph>
          <ViewEditor
            id={fieldId.childView}
            view={draft.childView}
            onChange={(patch) => setView('childView', patch)}
            textLabel={t('plan.views.childText', { child: childName })}
            textDescription={t('plan.views.childTextDescription')}
            missingLabel={t('plan.views.childMissing')}
            reasonLabel={t('plan.views.childReason')}
            agreementLabel={t('plan.views.childAgreement', { child: childName })}
          />
          <ViewEditor
            id={fieldId.guardiansView}
            view={draft.guardiansView}
            onChange={(patch) => setView('guardiansView', patch)}
            textLabel={t('plan.views.guardiansText')}
            textDescription={t('plan.views.guardiansTextDescription')}
            missingLabel={t('plan.views.guardiansMissing')}
            reasonLabel={t('plan.views.guardiansReason')}
            agreementLabel={t('plan.views.guardiansAgreement')}
          />
          <Textfield
            id='plan-disagreements'
            multiline
            rows={3}
            label={t('plan.views.disagreements')}
            description={t('plan.views.disagreementsDescription')}
            value={draft.disagreements}
            maxLength={4000}
            onChange={(e) => update({ disagreements: e.target.value })}
          />
        </section>

        {showSip && (
          <section aria-labelledby='plan-sip-heading' className='form-section stack-sm'>
            <Heading level={2} data-size='md' id='plan-sip-heading'>
              {t('plan.sip.heading')}
            </Heading>
            <Paragraph>{t('plan.sip.intro')}</Paragraph>
            <Fieldset id={fieldId.overallResponsibility}>
              <Fieldset.Legend>{t('plan.sip.overall')}</Fieldset.Legend>
              <Fieldset.Description>{t('plan.sip.overallDescription')}</Fieldset.Description>
              {RESPONSIBLE_BODIES.map((body) => (
                <Radio
                  key={body}
                  name='plan-overall-responsibility'
                  value={body}
                  label={t(`plan.sip.body.${body}`)}
                  checked={draft.overallResponsibility === body}
                  onChange={() => update({ overallResponsibility: body })}
                />
              ))}
              {draft.overallResponsibility !== null && (
                <div>
                  <Button variant='tertiary' type='button' onClick={() => update({ overallResponsibility: null })}>
                    {t('plan.sip.clear')}
                  </Button>
                </div>
              )}
            </Fieldset>
            <Textfield
              id='plan-otherMeasures'
              multiline
              rows={3}
              label={t('plan.sip.otherMeasures')}
              description={t('plan.sip.otherMeasuresDescription')}
              value={draft.otherMeasures}
              maxLength={4000}
              onChange={(e) => update({ otherMeasures: e.target.value })}
            />
          </section>
        )}

        <section aria-labelledby='plan-review-heading' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='plan-review-heading'>
            {t('plan.reviewDate.heading')}
          </Heading>
          <Textfield
            id={fieldId.reviewDate}
            type='date'
            label={t('plan.reviewDate.label')}
            description={t('plan.reviewDate.description')}
            value={draft.reviewDate}
            min={today}
            onChange={(e) => update({ reviewDate: e.target.value })}
            error={problemFor(fieldId.reviewDate)}
            className='date-field'
          />
          <div className='button-row' role='group' aria-label={t('plan.reviewDate.quick')}>
            {[
              { days: 14, label: t('plan.reviewDate.inWeeks', { count: 2 }) },
              { days: 42, label: t('plan.reviewDate.inWeeks', { count: 6 }) },
              { days: 91, label: t('plan.reviewDate.inMonths', { count: 3 }) },
            ].map((q) => (
              <Button key={q.days} variant='secondary' type='button' onClick={() => update({ reviewDate: addDays(q.days, today) })}>
                {q.label}
              </Button>
            ))}
          </div>
        </section>

        <div className='button-row sticky-actions plan-save-bar'>
          <Button type='submit' loading={save.isPending} aria-disabled={save.isPending || undefined} className='big-button'>
            {save.isPending ? t('plan.saving') : plan ? t('plan.save') : t('plan.create')}
          </Button>
          <p className='plan-save-bar__status' role='status'>
            {save.isPending
              ? ''
              : savedVersion !== null && savedVersion === baseVersion && !dirty
                ? t('plan.savedVersion', { version: savedVersion })
                : dirty
                  ? t('plan.unsaved')
                  : plan
                    ? t('plan.upToDate', { version: baseVersion ?? plan.version })
                    : ''}
          </p>
        </div>
      </form>

      {leadSlot}

      {plan && (plan.status === 'draft' || plan.status === 'under_review') && plan.permissions.canChangeStatus && (
        <ActivationPanel
          plan={plan}
          dirty={dirty}
          error={activate.error}
          attempt={activationAttempt}
          busy={activate.isPending}
          onActivate={() => {
            if (activate.isPending) return;
            setActivationAttempt((n) => n + 1);
            setActivated(false);
            activate.mutate();
          }}
        />
      )}
    </div>
  );
}

function ViewEditor({
  id,
  view,
  onChange,
  textLabel,
  textDescription,
  missingLabel,
  reasonLabel,
  agreementLabel,
}: {
  id: string;
  view: ViewDraft;
  onChange: (patch: Partial<ViewDraft>) => void;
  textLabel: string;
  textDescription: string;
  missingLabel: string;
  reasonLabel: string;
  agreementLabel: string;
}) {
  const { t } = useTranslation();
  const agreement = view.agreement ?? null;
  return (
    <div className='stack-sm view-editor'>
      {view.missing ? (
        <Textfield id={id} multiline rows={3} label={reasonLabel} value={view.reasonMissing} maxLength={1000} onChange={(e) => onChange({ reasonMissing: e.target.value })} />
      ) : (
        <Textfield id={id} multiline rows={4} label={textLabel} description={textDescription} value={view.text} maxLength={4000} onChange={(e) => onChange({ text: e.target.value })} />
      )}
      <Checkbox label={missingLabel} value='missing' checked={view.missing} onChange={(e) => onChange({ missing: e.target.checked })} />
      <Fieldset id={`${id}-agreement`} className='agreement-choice'>
        <Fieldset.Legend>{agreementLabel}</Fieldset.Legend>
        <Fieldset.Description>{t('plan.views.agreementDescription')}</Fieldset.Description>
        {[...PLAN_AGREEMENTS, null].map((value) => (
          <Radio
            key={value ?? 'not-asked'}
            name={`${id}-agreement`}
            value={value ?? ''}
            label={value ? t(`plan.views.agreement.${value}`) : t('plan.views.agreement.notAsked')}
            checked={agreement === value}
            onChange={() => onChange({ agreement: value })}
          />
        ))}
      </Fieldset>
    </div>
  );
}
