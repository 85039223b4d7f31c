/**
 * The plan as a team member without edit rights (or anyone, once closed)
 * reads it: why, the assessment, each need with its actions, the child's and
 * the guardians' views, disagreements, SIP, review date. On the actions of
 * their own units (permissions.actionUnitIds) they update status and comment
 * – the only change the API lets them make.
 */
import { Alert, Button, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ACTION_STATUSES, type ActionStatus, type Plan, type PlanAction, type ToolDefinition } from '../api-types.ts';
import { ErrorAlert } from '../components/Status.tsx';
import { formatDate, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { conflictOf } from './ConflictPanel.tsx';
import { SelectField } from './NeedEditor.tsx';
import { planQueryKey, usePlanChanged } from './queries.ts';

function Text({ value, empty }: { value: string | null | undefined; empty: string }) {
  return value ? <p className='note-body'>{value}</p> : <p className='status-text'>{empty}</p>;
}

export function PlanReadOnly({ plan, tool }: { plan: Plan; tool: ToolDefinition | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const c = plan.content;
  const indicatorName = (key: string) => localized(tool?.indicators.find((i) => i.key === key)?.name, language) || key;
  const view = (v: Plan['content']['childView']) => (
    <>
      {v.text ? <blockquote className='child-view'>{v.text}</blockquote> : v.reasonMissing ? <p className='note-body'>{t('plan.read.missingBecause', { reason: v.reasonMissing })}</p> : <p className='status-text'>{t('plan.read.notWritten')}</p>}
      <p className='agreement-read' data-agreement={v.agreement ?? 'not-asked'}>
        {t(`plan.views.agreementRead.${v.agreement ?? 'notAsked'}`)}
      </p>
    </>
  );

  return (
    <div className='stack plan-read'>
      {plan.permissions.actionUnitIds.length > 0 && !plan.permissions.canEdit && (
        <Alert data-color='info'>
          <Paragraph>{t('plan.read.ownActionsInfo')}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby='plan-why-heading' className='form-section stack-sm'>
        <Heading level={2} data-size='md' id='plan-why-heading'>
          {t('plan.why.heading')}
        </Heading>
        <Text value={c.reason} empty={t('plan.read.notWritten')} />
      </section>
      <section aria-labelledby='plan-assessment-heading' className='form-section stack-sm'>
        <Heading level={2} data-size='md' id='plan-assessment-heading'>
          {t('plan.assessment.heading')}
        </Heading>
        <Text value={c.assessmentSummary} empty={t('plan.read.notWritten')} />
      </section>
      <section aria-labelledby='plan-needs-heading' className='form-section stack-sm'>
        <Heading level={2} data-size='md' id='plan-needs-heading'>
          {t('plan.needs.heading')}
        </Heading>
        {c.needs.length === 0 && <Paragraph>{t('plan.needs.none')}</Paragraph>}
        <ol className='need-list'>
          {c.needs.map((need, i) => (
            <li key={need.id} className='need-card' data-need={need.id}>
              <Heading level={3} data-size='sm'>
                {t('plan.need.heading', { n: i + 1 })} – {indicatorName(need.indicator)}
              </Heading>
              <dl className='answers'>
                <div>
                  <dt>{t('plan.need.need')}</dt>
                  <dd>{need.need}</dd>
                </div>
                <div>
                  <dt>{t('plan.need.desiredOutcome')}</dt>
                  <dd>{need.desiredOutcome}</dd>
                </div>
                <div>
                  <dt>{t('plan.need.evidence')}</dt>
                  <dd>{need.evidence}</dd>
                </div>
              </dl>
              <Heading level={4} data-size='xs'>
                {t('plan.action.listHeading', { n: i + 1 })}
              </Heading>
              {need.actions.length === 0 && <Paragraph data-size='sm'>{t('plan.action.none')}</Paragraph>}
              <ol className='action-list'>
                {need.actions.map((action, j) => (
                  <li key={action.id} className='action-card' data-action={action.id} data-overdue={plan.overdueActionIds.includes(action.id) || undefined}>
                    <p className='field-heading'>{t('plan.action.name', { n: i + 1, a: j + 1 })}</p>
                    <p className='note-body'>{action.description}</p>
                    {action.interventionId && plan.names.interventions[action.interventionId] && (
                      <p className='secondary-text'>{t('plan.action.fromCatalogue', { title: plan.names.interventions[action.interventionId] })}</p>
                    )}
                    <dl className='facts facts--compact'>
                      <div>
                        <dt>{t('plan.action.unit')}</dt>
                        <dd>{plan.names.units[action.responsibleUnitId] ?? t('common.notGiven')}</dd>
                      </div>
                      {action.responsibleStaffId && (
                        <div>
                          <dt>{t('plan.action.person')}</dt>
                          <dd>{plan.names.staff[action.responsibleStaffId] ?? t('common.notGiven')}</dd>
                        </div>
                      )}
                      <div>
                        <dt>{t('plan.action.when')}</dt>
                        <dd className='nowrap'>
                          {formatDate(action.startDate, language)} – {formatDate(action.dueDate, language)}
                          {plan.overdueActionIds.includes(action.id) && <strong className='overdue-text'> {t('plan.action.overdue')}</strong>}
                        </dd>
                      </div>
                      <div>
                        <dt>{t('plan.action.status')}</dt>
                        <dd>{t(`plan.actionStatus.${action.status}`)}</dd>
                      </div>
                    </dl>
                    {action.comment && (
                      <p className='note-body'>
                        <span className='secondary-text'>{t('plan.action.comment')}</span>
                        {action.comment}
                      </p>
                    )}
                    {plan.permissions.actionUnitIds.includes(action.responsibleUnitId) && <ActionUpdate plan={plan} action={action} name={t('plan.action.name', { n: i + 1, a: j + 1 })} />}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby='plan-views-heading' className='form-section stack-sm'>
        <Heading level={2} data-size='md' id='plan-views-heading'>
          {t('plan.views.heading')}
        </Heading>
        <Heading level={3} data-size='xs'>
          {t('plan.read.childView')}
        </Heading>
        {view(c.childView)}
        <Heading level={3} data-size='xs'>
          {t('plan.read.guardiansView')}
        </Heading>
        {view(c.guardiansView)}
        <Heading level={3} data-size='xs'>
          {t('plan.views.disagreements')}
        </Heading>
        <Text value={c.disagreements} empty={t('plan.read.noDisagreements')} />
      </section>
      {(plan.isSip || c.overallResponsibility || c.otherMeasures) && (
        <section aria-labelledby='plan-sip-heading' className='form-section stack-sm'>
          <Heading level={2} data-size='md' id='plan-sip-heading'>
            {t('plan.sip.heading')}
          </Heading>
          <dl className='answers'>
            <div>
              <dt>{t('plan.sip.overall')}</dt>
              <dd>{c.overallResponsibility ? t(`plan.sip.body.${c.overallResponsibility}`) : t('plan.read.notWritten')}</dd>
            </div>
            <div>
              <dt>{t('plan.sip.otherMeasures')}</dt>
              <dd>{c.otherMeasures ?? t('plan.read.notWritten')}</dd>
            </div>
          </dl>
        </section>
      )}
    </div>
  );
}

/** Status and comment of one action of the reader's own unit. */
function ActionUpdate({ plan, action, name }: { plan: Plan; action: PlanAction; name: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const planChanged = usePlanChanged();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [comment, setComment] = useState(action.comment ?? '');
  const [saved, setSaved] = useState(false);
  const update = useMutation({
    mutationFn: () =>
      api.savePlan(plan.id, {
        baseVersion: plan.version,
        content: {
          ...plan.content,
          needs: plan.content.needs.map((n) => ({
            ...n,
            actions: n.actions.map((a) => (a.id === action.id ? { ...a, status, comment: comment.trim() || null } : a)),
          })),
        },
      }),
    onSuccess: async (result) => {
      setSaved(true);
      await planChanged(result);
    },
    // Someone saved in between: fetch their version; the status and comment typed here stay, ready to save again.
    onError: (error) => {
      if (conflictOf(error)) void queryClient.invalidateQueries({ queryKey: planQueryKey(plan.id) });
    },
  });
  const conflict = conflictOf(update.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    update.mutate();
  };
  return (
    <form className='stack-sm action-update' onSubmit={submit} noValidate aria-label={t('plan.read.updateLabel', { name })}>
      <div className='field-pair'>
        <SelectField id={`${uid}-status`} label={t('plan.action.status')} value={status} onChange={(v) => setStatus(v as ActionStatus)}>
          {ACTION_STATUSES.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`plan.actionStatus.${s}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield multiline rows={2} label={t('plan.action.comment')} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </div>
      {conflict ? (
        <Alert data-color='warning' role='alert'>
          <Paragraph>{t('plan.read.conflict', { names: conflict.changedBy.join(', ') || t('plan.conflict.someone') })}</Paragraph>
        </Alert>
      ) : (
        update.isError && <ErrorAlert error={update.error} headingLevel={3} />
      )}
      {saved && (
        <Paragraph role='status' className='saved-text'>
          {t('plan.read.updated')}
        </Paragraph>
      )}
      <div>
        <Button type='submit' variant='secondary' loading={update.isPending} aria-disabled={update.isPending || undefined}>
          {t('plan.read.updateSubmit')}
          <span className='ds-sr-only'> – {name}</span>
        </Button>
      </div>
    </form>
  );
}
