/**
 * "Oro för ett barn" – raise a concern in a minute, from anywhere: the child
 * (pre-filled from the child page, or by personal identity number for a child
 * one cannot see), who is asking, the five questions, whether others are
 * needed, urgency and the wellbeing indicators it touches. Afterwards a
 * receipt says who received it and when a response is due.
 */
import { Alert, Button, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, isApiError } from '../api.ts';
import {
  CONCERN_SOURCES,
  CONCERN_URGENCIES,
  FIVE_QUESTION_KEYS,
  STATED_SHARING_BASES,
  type StatedSharingBasis,
  type ConcernSource,
  type ConcernUrgency,
  type FiveAnswers,
  type RaiseConcernResponse,
} from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, errorMessage, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDateTime, fullName, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { childQueryKey } from '../pages/ChildPage.tsx';
import { useConcernForm, useRaiseConcern } from './queries.ts';

const EMPTY_ANSWERS: FiveAnswers = {
  whatIsGettingInTheWay: '',
  haveAllInformation: '',
  whatCanIDoNow: '',
  whatCanMyAgencyDo: '',
  whatHelpFromOthers: '',
};
const FIRST_ANSWER_MIN = 3;
const ANSWER_MAX = 4000;

/** 10 or 12 digits, with or without "-" or "+". */
export function looksLikePersonnummer(value: string): boolean {
  const digits = value.replace(/[-+\s]/g, '');
  return /^\d{10}$|^\d{12}$/.test(digits);
}

export function RaiseConcernPage() {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<RaiseConcernResponse | null>(null);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(receipt ? t('raise.receipt.title') : t('raise.title'));
  if (receipt) {
    return (
      <Receipt
        result={receipt}
        onAnother={() => {
          setReceipt(null);
          setFormKey((k) => k + 1);
        }}
      />
    );
  }
  return <RaiseConcernForm key={formKey} onRaised={setReceipt} />;
}

function RaiseConcernForm({ onRaised }: { onRaised: (result: RaiseConcernResponse) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const childId = params.get('child') ?? '';
  const form = useConcernForm();
  const child = useQuery({
    queryKey: childQueryKey(childId),
    queryFn: ({ signal }) => api.child(childId, signal).then((r) => r.child),
    enabled: childId !== '',
  });
  const raise = useRaiseConcern();

  const ids = {
    personnummer: `${id}-pnr`,
    source: `${id}-source`,
    sourceNote: `${id}-source-note`,
    needsOthers: `${id}-needs-others`,
    urgency: `${id}-urgency`,
    indicators: `${id}-indicators`,
    basis: `${id}-basis`,
    basisReference: `${id}-basis-reference`,
    answer: (key: string) => `${id}-answer-${key}`,
  };

  const [personnummer, setPersonnummer] = useState('');
  const [source, setSource] = useState<ConcernSource>('professional');
  const [sourceNote, setSourceNote] = useState('');
  const [answers, setAnswers] = useState<FiveAnswers>(EMPTY_ANSWERS);
  const [needsOthers, setNeedsOthers] = useState<boolean | null>(null);
  const [urgency, setUrgency] = useState<ConcernUrgency>('normal');
  const [indicators, setIndicators] = useState<string[]>([]);
  /** Asked for only after the API says nothing lets the concern cross to the named person's agency. */
  const [needsBasis, setNeedsBasis] = useState(false);
  const [basis, setBasis] = useState<StatedSharingBasis | null>(null);
  const [basisReference, setBasisReference] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const basisApplies = needsBasis && source === 'professional';

  const useChild = childId !== '' && child.isSuccess;

  const check = (): Problem[] => {
    const found: Problem[] = [];
    if (!useChild) {
      if (!personnummer.trim()) found.push({ target: ids.personnummer, message: t('raise.errors.personnummerMissing') });
      else if (!looksLikePersonnummer(personnummer)) found.push({ target: ids.personnummer, message: t('raise.errors.personnummerFormat') });
    }
    if (source !== 'professional' && sourceNote.trim().length === 0) found.push({ target: ids.sourceNote, message: t('raise.errors.sourceNote') });
    if (answers.whatIsGettingInTheWay.trim().length < FIRST_ANSWER_MIN)
      found.push({ target: ids.answer('whatIsGettingInTheWay'), message: t('raise.errors.firstAnswer', { min: FIRST_ANSWER_MIN }) });
    for (const key of FIVE_QUESTION_KEYS) {
      if (answers[key].trim().length > ANSWER_MAX) found.push({ target: ids.answer(key), message: t('raise.errors.tooLong', { max: ANSWER_MAX }) });
    }
    if (needsOthers === null) found.push({ target: ids.needsOthers, message: t('raise.errors.needsOthers') });
    if (basisApplies && basis === null) found.push({ target: ids.basis, message: t('raise.errors.basis') });
    if (basisApplies && basis !== null && basisReference.trim().length < 3)
      found.push({ target: ids.basisReference, message: t('raise.errors.basisReference') });
    return found;
  };
  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (raise.isPending) return;
    setAttempt((n) => n + 1);
    raise.reset();
    const found = check();
    setProblems(found);
    if (found.length > 0 || needsOthers === null) return;
    raise.mutate(
      {
        ...(useChild ? { childId } : { personnummer: personnummer.trim() }),
        source,
        ...(source !== 'professional' ? { sourceNote: sourceNote.trim() } : {}),
        urgency,
        indicators,
        answers: Object.fromEntries(FIVE_QUESTION_KEYS.map((k) => [k, answers[k].trim()])) as FiveAnswers,
        needsOthers,
        ...(basisApplies && basis ? { sharingBasis: { kind: basis, reference: basisReference.trim() } } : {}),
      },
      {
        onSuccess: onRaised,
        onError: (error) => {
          if (isApiError(error) && error.code === 'consent_missing') setNeedsBasis(true);
        },
      },
    );
  };

  const apiProblems: Problem[] = raise.isError
    ? [
        {
          target:
            isApiError(raise.error) && raise.error.code === 'consent_missing'
              ? ids.basis
              : isApiError(raise.error) && raise.error.status === 404 && !useChild
                ? ids.personnummer
                : '',
          message:
            isApiError(raise.error) && raise.error.status === 404 && !useChild
              ? t('raise.errors.notFound', { personnummer: personnummer.trim() })
              : errorMessage(raise.error, t('common.errorHeading')),
        },
      ]
    : [];
  const shown = problems.length > 0 ? problems : apiProblems;

  if (form.isPending || (childId && child.isPending)) return <Loading />;
  if (form.isError) {
    return (
      <div className='narrow stack'>
        <Heading level={1} data-size='lg'>
          {t('raise.title')}
        </Heading>
        <ErrorAlert error={form.error} onRetry={() => void form.refetch()} />
      </div>
    );
  }
  const definition = form.data;
  const question = (key: string) => localized(definition.questions.find((q) => q.key === key)?.text, language);
  const urgencyText = (key: ConcernUrgency) => localized(definition.urgencies.find((u) => u.key === key)?.firstResponse, language);
  const sources = definition.sources.length > 0 ? definition.sources : [...CONCERN_SOURCES];
  const urgencies = CONCERN_URGENCIES.filter((u) => definition.urgencies.length === 0 || definition.urgencies.some((d) => d.key === u));

  return (
    <div className='raise-concern stack'>
      <Heading level={1} data-size='lg'>
        {t('raise.title')}
      </Heading>
      <FormErrorSummary
        key={attempt}
        problems={shown}
        heading={problems.length > 0 ? t('raise.errors.summaryHeading') : t('raise.errors.apiHeading')}
      />
      <Paragraph>{t('raise.intro')}</Paragraph>
      <form className='stack' onSubmit={submit} noValidate>
        <Fieldset className='form-section'>
          <Fieldset.Legend>
            <Heading level={2} data-size='sm'>
              {t('raise.childHeading')}
            </Heading>
          </Fieldset.Legend>
          {useChild ? (
            <div className='stack-sm'>
              <p className='chosen-child'>
                <strong>{child.data.masked ? t('child.protectedIdentity') : fullName(child.data)}</strong>
                <span className='secondary-text'>
                  {t('child.personnummer')} {child.data.personnummer}
                </span>
              </p>
              <div>
                <Button
                  variant='tertiary'
                  data-size='sm'
                  type='button'
                  onClick={() => {
                    params.delete('child');
                    setParams(params, { replace: true });
                  }}
                >
                  {t('raise.otherChild')}
                </Button>
              </div>
            </div>
          ) : (
            <>
              {childId && child.isError && <Alert data-color='warning'>{t('raise.childUnavailable')}</Alert>}
              <Textfield
                id={ids.personnummer}
                label={t('raise.personnummerLabel')}
                description={t('raise.personnummerDescription')}
                inputMode='numeric'
                autoComplete='off'
                value={personnummer}
                onChange={(e) => setPersonnummer(e.target.value)}
                error={problemFor(ids.personnummer)}
                aria-required='true'
                className='pnr-field'
              />
            </>
          )}
        </Fieldset>

        <Fieldset id={ids.source} className='form-section'>
          <Fieldset.Legend>
            <Heading level={2} data-size='sm'>
              {t('raise.sourceLegend')}
            </Heading>
          </Fieldset.Legend>
          {sources.map((s) => (
            <Radio
              key={s}
              name={`${id}-source`}
              value={s}
              label={t(`raise.source.${s}`)}
              checked={source === s}
              onChange={() => setSource(s)}
            />
          ))}
          {source !== 'professional' && (
            <Textfield
              id={ids.sourceNote}
              label={t('raise.sourceNoteLabel')}
              description={t('raise.sourceNoteDescription')}
              value={sourceNote}
              onChange={(e) => setSourceNote(e.target.value)}
              error={problemFor(ids.sourceNote)}
              aria-required='true'
              maxLength={500}
            />
          )}
        </Fieldset>

        <section aria-labelledby={`${id}-questions`} className='form-section stack-sm'>
          <Heading level={2} data-size='sm' id={`${id}-questions`}>
            {t('raise.questionsHeading')}
          </Heading>
          <Paragraph data-size='sm'>{t('raise.questionsIntro')}</Paragraph>
          <ol className='five-questions'>
            {FIVE_QUESTION_KEYS.map((key, index) => (
              <li key={key} className='stack-sm'>
                <Textfield
                  id={ids.answer(key)}
                  multiline
                  rows={index === 0 ? 4 : 3}
                  label={question(key) || t(`raise.questions.${key}`)}
                  description={index === 0 ? t('raise.requiredAnswer') : t('raise.optionalAnswer')}
                  value={answers[key]}
                  onChange={(e) => setAnswers((a) => ({ ...a, [key]: e.target.value }))}
                  error={problemFor(ids.answer(key))}
                  aria-required={index === 0 ? 'true' : undefined}
                />
                {key === 'whatHelpFromOthers' && (
                  <Fieldset id={ids.needsOthers} className='needs-others'>
                    <Fieldset.Legend>{t('raise.needsOthersLegend')}</Fieldset.Legend>
                    <Fieldset.Description>{t('raise.needsOthersDescription')}</Fieldset.Description>
                    <Radio
                      name={`${id}-needs-others`}
                      value='yes'
                      label={t('raise.needsOthersYes')}
                      checked={needsOthers === true}
                      onChange={() => setNeedsOthers(true)}
                    />
                    <Radio
                      name={`${id}-needs-others`}
                      value='no'
                      label={t('raise.needsOthersNo')}
                      checked={needsOthers === false}
                      onChange={() => setNeedsOthers(false)}
                    />
                    {problemFor(ids.needsOthers) && <ValidationMessage>{problemFor(ids.needsOthers)}</ValidationMessage>}
                  </Fieldset>
                )}
              </li>
            ))}
          </ol>
        </section>

        <Fieldset id={ids.urgency} className='form-section'>
          <Fieldset.Legend>
            <Heading level={2} data-size='sm'>
              {t('raise.urgencyLegend')}
            </Heading>
          </Fieldset.Legend>
          {urgencies.map((u) => (
            <Radio
              key={u}
              name={`${id}-urgency`}
              value={u}
              label={t(`concerns.urgency.${u}`)}
              description={urgencyText(u) || undefined}
              checked={urgency === u}
              onChange={() => setUrgency(u)}
            />
          ))}
        </Fieldset>

        {definition.indicators.length > 0 && (
          <Fieldset id={ids.indicators} className='form-section'>
            <Fieldset.Legend>
              <Heading level={2} data-size='sm'>
                {t('raise.indicatorsLegend')}
              </Heading>
            </Fieldset.Legend>
            <Fieldset.Description>{t('raise.indicatorsDescription')}</Fieldset.Description>
            <div className='checkbox-grid'>
              {definition.indicators.map((indicator) => (
                <Checkbox
                  key={indicator.key}
                  name='indicators'
                  value={indicator.key}
                  label={localized(indicator.name, language)}
                  checked={indicators.includes(indicator.key)}
                  onChange={(e) =>
                    setIndicators((list) => (e.target.checked ? [...list, indicator.key] : list.filter((k) => k !== indicator.key)))
                  }
                />
              ))}
            </div>
          </Fieldset>
        )}

        {basisApplies && (
          <Fieldset id={ids.basis} className='form-section sharing-basis'>
            <Fieldset.Legend>
              <Heading level={2} data-size='sm'>
                {t('raise.basisLegend')}
              </Heading>
            </Fieldset.Legend>
            <Fieldset.Description>{t('raise.basisDescription')}</Fieldset.Description>
            {STATED_SHARING_BASES.map((b) => (
              <Radio
                key={b}
                name={`${id}-basis`}
                value={b}
                label={t(`raise.basis.${b}`)}
                checked={basis === b}
                onChange={() => setBasis(b)}
              />
            ))}
            {problemFor(ids.basis) && <ValidationMessage>{problemFor(ids.basis)}</ValidationMessage>}
            <Textfield
              id={ids.basisReference}
              label={t('raise.basisReferenceLabel')}
              description={t('raise.basisReferenceDescription')}
              value={basisReference}
              maxLength={500}
              onChange={(e) => setBasisReference(e.target.value)}
              error={problemFor(ids.basisReference)}
            />
          </Fieldset>
        )}

        <Alert data-color='info' className='report-hint'>
          <Heading level={2} data-size='xs'>
            {t('raise.reportHintHeading')}
          </Heading>
          <Paragraph>{t('raise.reportHint')}</Paragraph>
        </Alert>

        <div>
          <Button type='submit' loading={raise.isPending} aria-disabled={raise.isPending || undefined} className='big-button'>
            {raise.isPending ? t('raise.sending') : t('raise.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function Receipt({ result, onAnother }: { result: RaiseConcernResponse; onAnother: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const { receipt } = result;
  const recipient = receipt.recipient;
  return (
    <div className='narrow stack concern-receipt'>
      <Heading level={1} data-size='lg' ref={heading} tabIndex={-1}>
        {t('raise.receipt.title')}
      </Heading>
      <Alert data-color='success'>
        <Paragraph>{localized(receipt.message, language)}</Paragraph>
      </Alert>
      <dl className='facts facts--column'>
        <div>
          <dt>{t('raise.receipt.sentTo')}</dt>
          <dd>
            {recipient
              ? [recipient.name, recipient.title, recipient.unitName].filter(Boolean).join(', ')
              : receipt.recipientWithheld
                ? t('raise.receipt.withheld')
                : t('raise.receipt.noRecipient')}
          </dd>
        </div>
        {recipient?.phone && (
          <div>
            <dt>{t('namedPerson.phone')}</dt>
            <dd>{recipient.phone}</dd>
          </div>
        )}
        <div>
          <dt>{t('raise.receipt.raisedAt')}</dt>
          <dd>{formatDateTime(receipt.raisedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('raise.receipt.dueAt')}</dt>
          <dd>{formatDateTime(receipt.firstResponseDueAt, language)}</dd>
        </div>
      </dl>
      <div className='button-row'>
        <DsLink asChild>
          <Link to={`/concerns/${receipt.id}`}>{t('raise.receipt.open')}</Link>
        </DsLink>
        <Button variant='secondary' type='button' onClick={onAnother}>
          {t('raise.receipt.another')}
        </Button>
      </div>
    </div>
  );
}
