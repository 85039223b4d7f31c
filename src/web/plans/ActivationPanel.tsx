/**
 * "Innan planen kan börja gälla": the checks the API makes before a plan is
 * activated, as a checklist (done or what is missing, in words and with a
 * mark – never colour alone), and the "Aktivera planen" button. A 422
 * plan_not_ready answer lists its problems in an error summary that links to
 * the fields.
 */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import type { Plan, PlanActivationProblem } from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { errorMessage } from '../components/Status.tsx';
import { localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { fieldId } from './draft.ts';

export const LEAD_SECTION_ID = 'plan-lead-section';

const CHECKS = ['needs', 'childView', 'guardiansView', 'leadProfessional', 'overallResponsibility', 'reviewDate'] as const;
type Check = (typeof CHECKS)[number];

/** Where in the page a problem's field is. */
export function problemTarget(field: string): string {
  switch (field) {
    case 'needs':
      return fieldId.needs;
    case 'childView':
      return fieldId.childView;
    case 'guardiansView':
      return fieldId.guardiansView;
    case 'leadProfessional':
      return LEAD_SECTION_ID;
    case 'overallResponsibility':
      return fieldId.overallResponsibility;
    case 'reviewDate':
      return fieldId.reviewDate;
    default:
      return '';
  }
}

function problemsOf(error: unknown): PlanActivationProblem[] {
  if (!isApiError(error) || error.code !== 'plan_not_ready') return [];
  const list = error.details?.problems;
  return Array.isArray(list) ? (list as PlanActivationProblem[]) : [];
}

export function ActivationPanel({
  plan,
  dirty,
  error,
  attempt,
  busy,
  onActivate,
}: {
  plan: Plan;
  dirty: boolean;
  error: unknown;
  attempt: number;
  busy: boolean;
  onActivate: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const shown = CHECKS.filter((c) => (c === 'leadProfessional' ? plan.needsLeadProfessional : c === 'overallResponsibility' ? plan.isSip : true));
  const problem = (check: Check) => plan.activationProblems.find((p) => p.field === check);
  const refused = problemsOf(error);
  const summary: Problem[] = refused.length > 0
    ? refused.map((p) => ({ target: problemTarget(p.field), message: localized(p, language) }))
    : error
      ? [{ target: '', message: errorMessage(error, t('common.errorHeading')) }]
      : [];
  const missing = plan.activationProblems.length;

  return (
    <section aria-labelledby='plan-activation-heading' id='plan-activation' className='stack-sm activation-panel form-section'>
      <Heading level={2} data-size='md' id='plan-activation-heading'>
        {t('plan.activation.heading')}
      </Heading>
      <Paragraph>{plan.status === 'under_review' ? t('plan.activation.introRevise') : t('plan.activation.intro')}</Paragraph>
      <FormErrorSummary key={attempt} problems={summary} heading={refused.length > 0 ? t('plan.activation.refusedHeading') : t('plan.activation.errorHeading')} level={3} />
      <ul className='checklist'>
        {shown.map((check) => {
          const p = problem(check);
          return (
            <li key={check} data-check={check} data-done={!p || undefined}>
              <span className='checklist__mark' aria-hidden='true'>
                {p ? '!' : '✓'}
              </span>
              <span>
                <strong>{t(`plan.activation.check.${check}`)}</strong>
                <span className='ds-sr-only'>: {p ? t('plan.activation.missing') : t('plan.activation.done')}</span>
                {p && <span className='checklist__problem'>{localized(p, language)}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {dirty && <Paragraph data-size='sm'>{t('plan.activation.unsaved')}</Paragraph>}
      <Paragraph role='status' data-size='sm'>
        {missing === 0 ? t('plan.activation.ready') : t('plan.activation.missingCount', { count: missing })}
      </Paragraph>
      <div>
        <Button type='button' onClick={onActivate} loading={busy} aria-disabled={busy || undefined} className='big-button'>
          {dirty ? t('plan.activation.saveAndActivate') : t('plan.activation.activate')}
        </Button>
      </div>
    </section>
  );
}
