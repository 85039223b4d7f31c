/**
 * Record a consent: every guardian with custody (consents, or cannot be reached
 * with the reason), which agencies may receive, which information, for which
 * purposes and how long, how it was given, and the child's own view and
 * decision. Problems – ours or the API's – are listed in an error summary at the top.
 */
import {
  Alert,
  Button,
  Checkbox,
  Details,
  ErrorSummary,
  Fieldset,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api.ts';
import {
  AGENCY_TYPES,
  CONSENT_PURPOSES,
  INFORMATION_CATEGORIES,
  type AgencyType,
  type ChildDecision,
  type ChildDetail,
  type ConsentForm,
  type ConsentPurpose,
  type GuardianDecision,
  type InformationCategory,
  type RecordConsentRequest,
} from '../api-types.ts';
import { errorMessage } from '../components/Status.tsx';
import { fullName, periodEnd, todayIso } from '../format.ts';
import { useLabels } from '../labels.ts';
import { useInvalidateSharing } from './queries.ts';

const DEFAULT_MONTHS = 12;

type GuardianAnswer = { decision: GuardianDecision | null; reason: string };
type Problem = { target: string; message: string };

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
}

/** Which field an error from the API is about, so the summary can link to it. */
function apiTarget(code: string, details: Record<string, unknown> | undefined, ids: Record<string, string>): string | null {
  if (code === 'consent_incomplete') return ids.guardians ?? null;
  if (code === 'child_consent_required') return ids.childDecision ?? null;
  const field = typeof details?.field === 'string' ? details.field : '';
  if (field.startsWith('guardians')) return ids.guardians ?? null;
  if (field === 'recipients' || field === 'recipientUnitIds' || field === 'recipientAgencyTypes') return ids.recipients ?? null;
  return ids[field] ?? null;
}

export function RecordConsentForm({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const invalidate = useInvalidateSharing(child.id);
  const id = useId();
  const ids = {
    guardians: `${id}-guardians`,
    recipients: `${id}-recipients`,
    categories: `${id}-categories`,
    purposes: `${id}-purposes`,
    validFrom: `${id}-valid-from`,
    validTo: `${id}-valid-to`,
    form: `${id}-form`,
    childView: `${id}-child-view`,
    childDecision: `${id}-child-decision`,
  };
  const custody = child.guardians.filter((g) => g.custody);
  const guardianLabel = (index: number) => {
    const g = custody[index];
    return (g && fullName(g)) || t('consents.guardianNumber', { number: index + 1 });
  };

  const initialFrom = todayIso();
  const [answers, setAnswers] = useState<Record<string, GuardianAnswer>>({});
  const [agencies, setAgencies] = useState<AgencyType[]>([]);
  const [categories, setCategories] = useState<InformationCategory[]>([]);
  const [purposes, setPurposes] = useState<ConsentPurpose[]>([]);
  const [validFrom, setValidFrom] = useState(initialFrom);
  const [validTo, setValidTo] = useState(periodEnd(initialFrom, DEFAULT_MONTHS));
  const [form, setForm] = useState<ConsentForm | null>(null);
  const [childView, setChildView] = useState('');
  const [childDecision, setChildDecision] = useState<ChildDecision | null>(null);
  const [maturityAssessed, setMaturityAssessed] = useState(false);
  const [resolution, setResolution] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  /** Counts submits, so the error summary mounts afresh – and takes focus – after each one. */
  const [attempt, setAttempt] = useState(0);
  const savedRef = useRef<HTMLDivElement>(null);

  const record = useMutation({
    mutationFn: (body: RecordConsentRequest) => api.recordConsent(child.id, body),
    onSuccess: async () => {
      setSaved(true);
      setProblems([]);
      setAnswers({});
      setAgencies([]);
      setCategories([]);
      setPurposes([]);
      const from = todayIso();
      setValidFrom(from);
      setValidTo(periodEnd(from, DEFAULT_MONTHS));
      setForm(null);
      setChildView('');
      setChildDecision(null);
      setMaturityAssessed(false);
      setResolution('');
      requestAnimationFrame(() => savedRef.current?.focus());
      await invalidate();
    },
  });

  const answer = (guardianId: string): GuardianAnswer => answers[guardianId] ?? { decision: null, reason: '' };
  const setAnswer = (guardianId: string, patch: Partial<GuardianAnswer>) =>
    setAnswers((all) => ({ ...all, [guardianId]: { ...answer(guardianId), ...patch } }));
  const anyUnreachable = custody.some((g) => answer(g.id).decision === 'unreachable');

  /** Our own checks, in the order the fields appear. */
  const check = (): Problem[] => {
    const found: Problem[] = [];
    custody.forEach((g, i) => {
      const a = answer(g.id);
      if (!a.decision) found.push({ target: `${id}-guardian-${g.id}`, message: t('consentForm.errors.guardianDecision', { name: guardianLabel(i) }) });
      else if (a.decision === 'unreachable' && !a.reason.trim())
        found.push({ target: `${id}-guardian-${g.id}-reason`, message: t('consentForm.errors.unreachableReason', { name: guardianLabel(i) }) });
    });
    if (agencies.length === 0) found.push({ target: ids.recipients, message: t('consentForm.errors.recipients') });
    if (categories.length === 0) found.push({ target: ids.categories, message: t('consentForm.errors.categories') });
    if (purposes.length === 0) found.push({ target: ids.purposes, message: t('consentForm.errors.purposes') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom)) found.push({ target: ids.validFrom, message: t('consentForm.errors.validFrom') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validTo)) found.push({ target: ids.validTo, message: t('consentForm.errors.validTo') });
    else if (validTo < validFrom) found.push({ target: ids.validTo, message: t('consentForm.errors.periodOrder') });
    if (!form) found.push({ target: ids.form, message: t('consentForm.errors.form') });
    if (!childView.trim()) found.push({ target: ids.childView, message: t('consentForm.errors.childView') });
    else if (childView.trim().length > 4000) found.push({ target: ids.childView, message: t('consentForm.errors.childViewTooLong') });
    if (!childDecision) found.push({ target: ids.childDecision, message: t('consentForm.errors.childDecision') });
    return found;
  };
  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    setSaved(false);
    setAttempt((n) => n + 1);
    record.reset();
    const found = check();
    setProblems(found);
    if (found.length > 0 || !form || !childDecision) return;
    record.mutate({
      guardians: custody.map((g) => {
        const a = answer(g.id);
        return a.decision === 'unreachable'
          ? { guardianId: g.id, decision: 'unreachable' as const, reason: a.reason.trim() }
          : { guardianId: g.id, decision: 'given' as const };
      }),
      recipientAgencyTypes: agencies,
      categories,
      purposes,
      validFrom,
      validTo,
      form,
      childView: childView.trim(),
      childDecision,
      maturityAssessed,
      unreachableResolution: anyUnreachable && resolution.trim() ? resolution.trim() : null,
    });
  };

  /** Error summary links move focus to the field (or the first input of a group). */
  const focusTarget = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    event.preventDefault();
    const element = document.getElementById(target);
    const input =
      element && ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) ? element : element?.querySelector<HTMLElement>('input, textarea, select');
    input?.focus();
    element?.scrollIntoView({ block: 'center' });
  };

  const apiError = record.error;
  const apiProblem: Problem | null = apiError
    ? { target: (isApiError(apiError) && apiTarget(apiError.code, apiError.details, ids)) || '', message: errorMessage(apiError, t('common.errorHeading')) }
    : null;

  const childDecisionError = problemFor(ids.childDecision) ?? (isApiError(apiError) && apiError.code === 'child_consent_required' ? apiError.message : undefined);

  return (
    <Details className='record-consent'>
      <Details.Summary>{t('consentForm.open')}</Details.Summary>
      <Details.Content>
        <form className='stack' onSubmit={submit} noValidate>
          {(problems.length > 0 || apiProblem) && (
            <ErrorSummary key={attempt}>
              <ErrorSummary.Heading level={3} data-size='xs'>
                {problems.length > 0 ? t('consentForm.errors.summaryHeading') : t('consentForm.errors.apiHeading')}
              </ErrorSummary.Heading>
              <ErrorSummary.List>
                {(problems.length > 0 ? problems : apiProblem ? [apiProblem] : []).map((p, i) => (
                  <ErrorSummary.Item key={`${p.target}-${i}`}>
                    {p.target ? (
                      <ErrorSummary.Link href={`#${p.target}`} onClick={(e) => focusTarget(e, p.target)}>
                        {p.message}
                      </ErrorSummary.Link>
                    ) : (
                      p.message
                    )}
                  </ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            </ErrorSummary>
          )}
          <Paragraph>{t('consentForm.intro')}</Paragraph>

          <Fieldset id={ids.guardians} className='consent-fieldset'>
            <Fieldset.Legend>{t('consentForm.guardiansLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('consentForm.guardiansDescription')}</Fieldset.Description>
            {custody.length === 0 && <Paragraph>{t('consentForm.noCustody')}</Paragraph>}
            {custody.map((g, i) => {
              const a = answer(g.id);
              const decisionError = problemFor(`${id}-guardian-${g.id}`);
              const reasonError = problemFor(`${id}-guardian-${g.id}-reason`);
              return (
                <Fieldset key={g.id} id={`${id}-guardian-${g.id}`} className='guardian-answer'>
                  <Fieldset.Legend>{guardianLabel(i)}</Fieldset.Legend>
                  <Radio
                    name={`${id}-guardian-${g.id}`}
                    value='given'
                    label={t('consentForm.guardianGiven')}
                    checked={a.decision === 'given'}
                    onChange={() => setAnswer(g.id, { decision: 'given' })}
                  />
                  <Radio
                    name={`${id}-guardian-${g.id}`}
                    value='unreachable'
                    label={t('consentForm.guardianUnreachable')}
                    checked={a.decision === 'unreachable'}
                    onChange={() => setAnswer(g.id, { decision: 'unreachable' })}
                  />
                  {decisionError && <ValidationMessage>{decisionError}</ValidationMessage>}
                  {a.decision === 'unreachable' && (
                    <Textfield
                      id={`${id}-guardian-${g.id}-reason`}
                      multiline
                      rows={2}
                      label={t('consentForm.unreachableReason', { name: guardianLabel(i) })}
                      value={a.reason}
                      onChange={(e) => setAnswer(g.id, { reason: e.target.value })}
                      error={reasonError}
                      aria-required='true'
                    />
                  )}
                </Fieldset>
              );
            })}
            {anyUnreachable && (
              <Textfield
                multiline
                rows={2}
                label={t('consentForm.resolutionLabel')}
                description={t('consentForm.resolutionDescription')}
                value={resolution}
                onChange={(e) => setResolution(e.target.value)}
              />
            )}
          </Fieldset>

          <Fieldset id={ids.recipients} className='consent-fieldset'>
            <Fieldset.Legend>{t('consentForm.recipientsLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('consentForm.recipientsDescription')}</Fieldset.Description>
            <div className='checkbox-grid'>
              {AGENCY_TYPES.map((a) => (
                <Checkbox
                  key={a}
                  name='recipientAgencyTypes'
                  value={a}
                  label={labels.agency(a)}
                  checked={agencies.includes(a)}
                  onChange={(e) => setAgencies((list) => toggle(list, a, e.target.checked))}
                />
              ))}
            </div>
            {problemFor(ids.recipients) && <ValidationMessage>{problemFor(ids.recipients)}</ValidationMessage>}
          </Fieldset>

          <Fieldset id={ids.categories} className='consent-fieldset'>
            <Fieldset.Legend>{t('consentForm.categoriesLegend')}</Fieldset.Legend>
            <div className='checkbox-grid'>
              {INFORMATION_CATEGORIES.map((c) => (
                <Checkbox
                  key={c}
                  name='categories'
                  value={c}
                  label={labels.category(c)}
                  checked={categories.includes(c)}
                  onChange={(e) => setCategories((list) => toggle(list, c, e.target.checked))}
                />
              ))}
            </div>
            {problemFor(ids.categories) && <ValidationMessage>{problemFor(ids.categories)}</ValidationMessage>}
          </Fieldset>

          <Fieldset id={ids.purposes} className='consent-fieldset'>
            <Fieldset.Legend>{t('consentForm.purposesLegend')}</Fieldset.Legend>
            {CONSENT_PURPOSES.map((p) => (
              <Checkbox
                key={p}
                name='purposes'
                value={p}
                label={labels.purpose(p)}
                checked={purposes.includes(p)}
                onChange={(e) => setPurposes((list) => toggle(list, p, e.target.checked))}
              />
            ))}
            {problemFor(ids.purposes) && <ValidationMessage>{problemFor(ids.purposes)}</ValidationMessage>}
          </Fieldset>

          <Fieldset className='consent-fieldset'>
            <Fieldset.Legend>{t('consentForm.periodLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('consentForm.periodDescription')}</Fieldset.Description>
            <div className='date-pair'>
              <Textfield
                id={ids.validFrom}
                type='date'
                label={t('consentForm.validFrom')}
                value={validFrom}
                onChange={(e) => setValidFrom(e.target.value)}
                error={problemFor(ids.validFrom)}
                aria-required='true'
              />
              <Textfield
                id={ids.validTo}
                type='date'
                label={t('consentForm.validTo')}
                value={validTo}
                min={validFrom || undefined}
                onChange={(e) => setValidTo(e.target.value)}
                error={problemFor(ids.validTo)}
                aria-required='true'
              />
            </div>
          </Fieldset>

          <Fieldset id={ids.form} className='consent-fieldset'>
            <Fieldset.Legend>{t('consentForm.formLegend')}</Fieldset.Legend>
            <Radio name={`${id}-form`} value='written' label={t('consents.form.written')} checked={form === 'written'} onChange={() => setForm('written')} />
            <Radio name={`${id}-form`} value='oral' label={t('consents.form.oral')} checked={form === 'oral'} onChange={() => setForm('oral')} />
            {problemFor(ids.form) && <ValidationMessage>{problemFor(ids.form)}</ValidationMessage>}
          </Fieldset>

          <Textfield
            id={ids.childView}
            multiline
            rows={3}
            label={t('consentForm.childViewLabel')}
            description={t('consentForm.childViewDescription')}
            value={childView}
            onChange={(e) => setChildView(e.target.value)}
            error={problemFor(ids.childView)}
            aria-required='true'
          />

          <Fieldset id={ids.childDecision} className='consent-fieldset'>
            <Fieldset.Legend>{t('consentForm.childDecisionLegend')}</Fieldset.Legend>
            <Fieldset.Description>{t('consentForm.childDecisionDescription')}</Fieldset.Description>
            {(['given', 'declined', 'not_asked'] as const).map((d) => (
              <Radio
                key={d}
                name={`${id}-child-decision`}
                value={d}
                label={t(`consents.childDecision.${d}`)}
                checked={childDecision === d}
                onChange={() => setChildDecision(d)}
              />
            ))}
            {childDecisionError && <ValidationMessage>{childDecisionError}</ValidationMessage>}
          </Fieldset>

          <Checkbox
            label={t('consentForm.maturityAssessed')}
            description={t('consentForm.maturityAssessedDescription')}
            checked={maturityAssessed}
            onChange={(e) => setMaturityAssessed(e.target.checked)}
          />

          {saved && (
            <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status'>
              <Paragraph>{t('consentForm.saved')}</Paragraph>
            </Alert>
          )}
          <div>
            <Button type='submit' loading={record.isPending} aria-disabled={record.isPending || undefined}>
              {record.isPending ? t('consentForm.saving') : t('consentForm.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
