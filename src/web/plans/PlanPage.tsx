/**
 * The child's plan: `/plans/:id` (the editor for the lead professional and
 * the named person, the plan to read – and own actions to update – for other
 * team members) and `/children/:id/plans/new` (start one). The header says
 * where the plan stands: status, review date, lead professional, and links to
 * the review and the exports. A draft that is not needed can be closed
 * without taking effect (CloseDraftPanel).
 */
import { Alert, Button, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../api.ts';
import type { Plan, PlanReviewOutcome } from '../api-types.ts';
import { useMe } from '../auth.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate, fullName } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useLabels } from '../labels.ts';
import { childQueryKey } from '../pages/ChildPage.tsx';
import { today } from '../wellbeing/adapt.ts';
import { assessmentsQueryKey } from '../wellbeing/queries.ts';
import { LEAD_SECTION_ID } from './ActivationPanel.tsx';
import { CloseDraftPanel } from './CloseDraftPanel.tsx';
import { LeadProfessionalPanel } from './LeadProfessionalPanel.tsx';
import { ExportLinks, PlanStatusTag, ReviewDate, usePlanChildName } from './PlanBits.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanReadOnly } from './PlanReadOnly.tsx';
import { useChildPlans, usePlan } from './queries.ts';
import { MeetingDecisions } from './MeetingDecisions.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

type PlanLocationState = { created?: boolean; reviewed?: PlanReviewOutcome; closedDraft?: boolean } | null;

/** The child (basic record) and their assessments (with the wellbeing tool), when the reader may see them. */
function useChildContext(childId: string) {
  const child = useQuery({
    queryKey: childQueryKey(childId),
    queryFn: ({ signal }) => api.child(childId, signal).then((r) => r.child),
    enabled: childId !== '',
  });
  const assessments = useQuery({
    queryKey: assessmentsQueryKey(childId),
    queryFn: ({ signal }) => api.assessments(childId, signal),
    enabled: childId !== '',
  });
  return { child, assessments };
}

function BackToChild({ childId, name }: { childId: string; name: string }) {
  const { t } = useTranslation();
  return (
    <p className='no-print'>
      <DsLink asChild>
        <Link to={`/children/${childId}`}>{t('plan.back', { child: name })}</Link>
      </DsLink>
    </p>
  );
}

/** Said after the draft was closed here: the panel the user was in is gone, so the notice takes focus. */
function ClosedDraftNotice({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert data-color='success' ref={ref} tabIndex={-1} role='status' className='closed-draft-notice'>
      <div className='stack-sm'>
        <Paragraph>{t('plan.closeDraft.done')}</Paragraph>
        <DsLink asChild>
          <Link to={`/children/${childId}`}>{t('plan.closeDraft.toChild')}</Link>
        </DsLink>
      </div>
    </Alert>
  );
}

function PlanHeader({ plan, childName }: { plan: Plan; childName: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labels = useLabels();
  return (
    <div className='stack-sm plan-header'>
      <Heading level={1} data-size='lg'>
        {t('plan.title', { child: childName })}
      </Heading>
      <div className='tags'>
        <PlanStatusTag status={plan.status} />
        {plan.isSip && (
          <Tag data-color='info' data-size='sm'>
            {t('plan.sipTag')}
          </Tag>
        )}
      </div>
      <dl className='facts'>
        <div>
          <dt>{t('plan.header.reviewDate')}</dt>
          <dd>
            <ReviewDate date={plan.reviewDate} overdue={plan.reviewOverdue} />
          </dd>
        </div>
        <div>
          <dt>{t('lead.heading')}</dt>
          <dd>
            {plan.leadProfessional ? `${plan.leadProfessional.name}, ${plan.leadProfessional.unitName}` : plan.needsLeadProfessional ? t('plan.header.leadNeeded') : t('lead.none')}
          </dd>
        </div>
        <div>
          <dt>{t('plan.header.agencies')}</dt>
          <dd>{plan.agencies.length > 0 ? plan.agencies.map((a) => labels.agency(a)).join(', ') : '–'}</dd>
        </div>
        <div>
          <dt>{t('plan.header.owner')}</dt>
          <dd>
            {plan.owningUnit.name}
            <span className='secondary-text'>{t('plan.header.startedBy', { name: plan.createdBy, date: formatDate(plan.createdAt, language) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('plan.header.version')}</dt>
          <dd>
            {plan.version}
            <span className='secondary-text'>{formatDate(plan.updatedAt, language)}</span>
          </dd>
        </div>
      </dl>
      {plan.status === 'closed' && (
        <Alert data-color='neutral'>
          <Paragraph>{t('plan.header.closed', { date: formatDate(plan.closedAt, language), reason: plan.closedReason ?? '' })}</Paragraph>
        </Alert>
      )}
      <div className='button-row plan-header__actions no-print'>
        {plan.permissions.canReview && (
          <Button asChild variant='secondary' className='big-button'>
            <Link to={`/plans/${plan.id}/review`}>{t('plan.header.review')}</Link>
          </Button>
        )}
      </div>
      <ExportLinks planId={plan.id} />
    </div>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const state = location.state as PlanLocationState;
  const me = useMe();
  const plan = usePlan(id);
  const childName = usePlanChildName();
  const childId = plan.data?.childId ?? '';
  const { child, assessments } = useChildContext(childId);
  const name = plan.data ? childName(plan.data.child) : '';
  usePageTitle(plan.data ? t('plan.title', { child: name }) : plan.isError ? t('plan.notFound') : t('common.loading'));

  if (plan.isPending || me.isPending) return <Loading />;
  if (plan.isError || !me.data) {
    return (
      <div className='stack'>
        <Heading level={1} data-size='lg'>
          {isApiError(plan.error, 404) ? t('plan.notFound') : t('common.errorHeading')}
        </Heading>
        {plan.error && <ErrorAlert error={plan.error} onRetry={isApiError(plan.error, 404) ? undefined : () => void plan.refetch()} />}
      </div>
    );
  }
  const p = plan.data;
  const tool = assessments.data?.tool ?? null;
  const editable = p.permissions.canEdit;
  // The notices of how we got here, while they are still true.
  const created = state?.created === true && p.status === 'draft';
  const reviewed = state?.reviewed && p.status !== 'draft' ? state.reviewed : undefined;
  const closedDraft = state?.closedDraft === true && p.status === 'closed';

  let notice: ReactNode = null;
  if (created) notice = <Alert data-color='success' role='status'>{t('plan.createdNotice')}</Alert>;
  else if (reviewed) notice = <Alert data-color='success' role='status'>{t(`planReview.done.${reviewed}`)}</Alert>;
  else if (closedDraft) notice = <ClosedDraftNotice childId={p.childId} />;

  return (
    <div className='stack plan-page'>
      <BackToChild childId={p.childId} name={name} />
      <PlanHeader plan={p} childName={name} />
      {notice}
      <VersionsPanel planId={p.id} />
      <MeetingDecisions plan={p} />
      {editable ? (
        <>
          <PlanEditor
            key={p.id}
            childId={p.childId}
            childName={name}
            plan={p}
            child={child.data ?? null}
            me={me.data}
            tool={tool}
            assessments={assessments.data?.items ?? []}
            concernId={null}
            today={today()}
            leadSlot={
              <section aria-labelledby='plan-lead-heading' id={LEAD_SECTION_ID} className='form-section stack-sm'>
                <LeadProfessionalPanel childId={p.childId} namedPerson={child.data?.namedPerson ?? null} headingId='plan-lead-heading' headingLevel={2} />
              </section>
            }
          />
          {p.status === 'draft' && p.permissions.canChangeStatus && <CloseDraftPanel plan={p} meId={me.data.id} />}
        </>
      ) : (
        <PlanReadOnly plan={p} tool={tool} />
      )}
    </div>
  );
}

export function NewPlanPage() {
  const { t } = useTranslation();
  const { id: childId = '' } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const plans = useChildPlans(childId);
  const { child, assessments } = useChildContext(childId);
  const name = child.data ? (child.data.masked ? t('plan.maskedChild') : fullName(child.data)) : '';
  usePageTitle(name ? t('plan.newTitle', { child: name }) : t('common.loading'));

  if (child.isPending || plans.isPending || me.isPending) return <Loading />;
  if (child.isError || plans.isError || !me.data) {
    return (
      <div className='stack'>
        <Heading level={1} data-size='lg'>
          {t('common.errorHeading')}
        </Heading>
        <ErrorAlert error={child.error ?? plans.error} />
      </div>
    );
  }
  const open = plans.data.items.find((p) => p.status !== 'closed');
  return (
    <div className='stack plan-page'>
      <BackToChild childId={childId} name={name} />
      <div className='stack-sm plan-header'>
        <Heading level={1} data-size='lg'>
          {t('plan.newTitle', { child: name })}
        </Heading>
        <Paragraph>{t('plan.newIntro')}</Paragraph>
      </div>
      {open ? (
        <Alert data-color='info'>
          <div className='stack-sm'>
            <Paragraph>{t('plan.alreadyOpen')}</Paragraph>
            <DsLink asChild>
              <Link to={`/plans/${open.id}`}>{t('planSection.open')}</Link>
            </DsLink>
          </div>
        </Alert>
      ) : !plans.data.canStart ? (
        <Alert data-color='warning'>{t('plan.cannotStart')}</Alert>
      ) : assessments.isPending ? (
        <Loading />
      ) : (
        <PlanEditor
          childId={childId}
          childName={name}
          plan={null}
          child={child.data}
          me={me.data}
          tool={assessments.data?.tool ?? null}
          assessments={assessments.data?.items ?? []}
          concernId={params.get('concern')}
          today={today()}
          leadSlot={null}
        />
      )}
    </div>
  );
}
