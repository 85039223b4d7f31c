/**
 * One concern: the child, who raised it and why (the five questions), the
 * urgency and the wellbeing indicators it touches, what has happened since –
 * and, for the named person it was sent to, a form to acknowledge it and
 * record what happens next (only the actions the API offers).
 */
import { Alert, Button, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api.ts';
import { FIVE_QUESTION_KEYS, NOTE_REQUIRED_FOR, type ConcernActionKind, type ConcernFull } from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, errorMessage, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDateTime, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { StatusTag, UrgencyTag, useConcernChildName } from './ConcernBits.tsx';
import { useConcern, useConcernForm, useRecordConcernAction } from './queries.ts';

const REPORT_MIN = 10;

export function ConcernPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const concern = useConcern(id);
  const form = useConcernForm();
  const childName = useConcernChildName();
  const title = concern.data ? t('concern.title', { child: childName(concern.data) }) : concern.isError ? t('concern.notFound') : t('common.loading');
  usePageTitle(title);

  const back = (
    <p>
      <DsLink asChild>
        <Link to='/concerns'>{t('concern.back')}</Link>
      </DsLink>
    </p>
  );
  if (concern.isPending) return <Loading />;
  if (concern.isError) {
    return (
      <div className='stack'>
        {back}
        <Heading level={1} data-size='lg'>
          {isApiError(concern.error, 404) ? t('concern.notFound') : t('common.errorHeading')}
        </Heading>
        <ErrorAlert error={concern.error} />
      </div>
    );
  }
  const c = concern.data;
  const question = (key: string, index: number) =>
    localized(form.data?.questions.find((q) => q.key === key)?.text, language) || `${index + 1}. ${t(`raise.questions.${key as 'whatIsGettingInTheWay'}`)}`;

  return (
    <div className='stack concern-page'>
      {back}
      <div className='stack-sm'>
        <Heading level={1} data-size='lg'>
          {title}
        </Heading>
        <div className='tags'>
          <UrgencyTag urgency={c.urgency} />
          <StatusTag concern={c} />
        </div>
        {c.overdue && (
          <Paragraph className='overdue-text'>
            <strong>{t('concern.overdueText', { due: formatDateTime(c.firstResponseDueAt, language) })}</strong>
          </Paragraph>
        )}
      </div>
      {c.view === 'status' && <Alert data-color='info'>{t('concern.statusOnly')}</Alert>}

      <dl className='facts'>
        <div>
          <dt>{t('concern.raisedAt')}</dt>
          <dd>{formatDateTime(c.raisedAt, language)}</dd>
        </div>
        {c.view === 'full' && (
          <div>
            <dt>{t('concern.raisedBy')}</dt>
            <dd>{[c.raisedBy.name, c.raisedBy.title, c.raisedBy.unitName].filter(Boolean).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('concern.source')}</dt>
          <dd>
            {t(`raise.source.${c.source}`)}
            {c.sourceNote && <span className='secondary-text'>{c.sourceNote}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('concern.sentTo')}</dt>
          <dd>
            {c.recipient
              ? [c.recipient.name, c.recipient.title, c.recipient.unitName].filter(Boolean).join(', ')
              : c.recipientWithheld
                ? t('raise.receipt.withheld')
                : t('raise.receipt.noRecipient')}
          </dd>
        </div>
        {c.sharingBasis && (
          <div>
            <dt>{t('concern.sharingBasis')}</dt>
            <dd>{t(`concern.basis.${c.sharingBasis}`)}</dd>
          </div>
        )}
        <div>
          <dt>{c.firstResponseAt ? t('concern.firstResponseAt') : t('concern.dueAt')}</dt>
          <dd>{formatDateTime(c.firstResponseAt ?? c.firstResponseDueAt, language)}</dd>
        </div>
      </dl>

      {c.view === 'full' && (
        <div className='button-row'>
          <DsLink asChild>
            <Link to={`/children/${c.child.id}`}>{t('concern.openChild')}</Link>
          </DsLink>
          {c.status !== 'closed' && (
            <DsLink asChild>
              <Link to={`/children/${c.child.id}/assessments/new?concern=${c.id}`}>{t('concern.startAssessment')}</Link>
            </DsLink>
          )}
          {c.status !== 'closed' && (
            <DsLink asChild>
              <Link to={`/children/${c.child.id}/plans/new?concern=${c.id}`}>{t('concern.startPlan')}</Link>
            </DsLink>
          )}
        </div>
      )}

      <section aria-labelledby='concern-questions-heading' className='stack-sm'>
        <Heading level={2} data-size='md' id='concern-questions-heading'>
          {t('raise.questionsHeading')}
        </Heading>
        <dl className='answers'>
          {FIVE_QUESTION_KEYS.map((key, i) => (
            <div key={key}>
              <dt>{question(key, i)}</dt>
              <dd>{c.answers[key] || <span className='status-text'>{t('concern.noAnswer')}</span>}</dd>
            </div>
          ))}
          <div>
            <dt>{t('raise.needsOthersLegend')}</dt>
            <dd>{c.needsOthers ? t('common.yes') : t('common.no')}</dd>
          </div>
        </dl>
        {c.indicators.length > 0 && (
          <>
            <Heading level={3} data-size='xs'>
              {t('concern.indicators')}
            </Heading>
            <ul className='tags plain-tags'>
              {c.indicators.map((i) => (
                <li key={i.key}>
                  <Tag data-color='info' data-size='sm'>
                    {localized(i.name, language)}
                  </Tag>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {c.view === 'full' && <ActionHistory concern={c} />}
      {c.view === 'full' && c.allowedActions.length > 0 && <RecordAction concern={c} />}
    </div>
  );
}

function ActionHistory({ concern }: { concern: ConcernFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section aria-labelledby='concern-history-heading' className='stack-sm'>
      <Heading level={2} data-size='md' id='concern-history-heading'>
        {t('concern.historyHeading')}
      </Heading>
      {concern.actions.length === 0 ? (
        <Paragraph>{t('concern.noActions')}</Paragraph>
      ) : (
        <ol className='timeline'>
          {concern.actions.map((a) => (
            <li key={a.id} data-kind={a.kind}>
              <p className='timeline__head'>
                <strong>{t(`concern.action.${a.kind}`)}</strong>
                <span className='secondary-text'>
                  {formatDateTime(a.at, language)} · {a.actor?.name ?? t('concern.systemActor')}
                </span>
              </p>
              {a.note && <p className='note-body'>{a.note}</p>}
              {a.reportOfConcernId && <p className='secondary-text'>{t('concern.reportLinked', { id: a.reportOfConcernId })}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RecordAction({ concern }: { concern: ConcernFull }) {
  const { t } = useTranslation();
  const id = useId();
  const ids = { kind: `${id}-kind`, note: `${id}-note`, report: `${id}-report` };
  const record = useRecordConcernAction(concern.id);
  const [kind, setKind] = useState<ConcernActionKind | null>(null);
  const [note, setNote] = useState('');
  const [report, setReport] = useState('');
  const [danger, setDanger] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<ConcernActionKind | null>(null);

  const noteRequired = kind !== null && NOTE_REQUIRED_FOR.includes(kind);
  const check = (): Problem[] => {
    const found: Problem[] = [];
    if (!kind) found.push({ target: ids.kind, message: t('concern.errors.kind') });
    if (noteRequired && note.trim().length < 3)
      found.push({ target: ids.note, message: kind === 'closed' ? t('concern.errors.closeReason') : t('concern.errors.whatWasDone') });
    if (kind === 'mandatory_report' && report.trim().length < REPORT_MIN)
      found.push({ target: ids.report, message: t('concern.errors.report', { min: REPORT_MIN }) });
    return found;
  };
  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    setSaved(null);
    setAttempt((n) => n + 1);
    record.reset();
    const found = check();
    setProblems(found);
    if (found.length > 0 || !kind) return;
    record.mutate(
      {
        kind,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(kind === 'mandatory_report' ? { report: { description: report.trim(), immediateDanger: danger } } : {}),
      },
      {
        onSuccess: () => {
          setSaved(kind);
          setKind(null);
          setNote('');
          setReport('');
          setDanger(false);
        },
      },
    );
  };

  const apiProblems: Problem[] = record.isError ? [{ target: '', message: errorMessage(record.error, t('common.errorHeading')) }] : [];
  const kinds = concern.allowedActions;

  return (
    <section aria-labelledby='concern-act-heading' className='stack-sm record-action'>
      <Heading level={2} data-size='md' id='concern-act-heading'>
        {concern.status === 'new' ? t('concern.actHeadingNew') : t('concern.actHeading')}
      </Heading>
      {saved && (
        <Alert data-color='success' role='status'>
          {t('concern.saved', { action: t(`concern.action.${saved}`) })}
        </Alert>
      )}
      <FormErrorSummary
        key={attempt}
        level={3}
        problems={problems.length > 0 ? problems : apiProblems}
        heading={problems.length > 0 ? t('concern.errors.summaryHeading') : t('concern.errors.apiHeading')}
      />
      <form className='stack-sm' onSubmit={submit} noValidate>
        <Fieldset id={ids.kind}>
          <Fieldset.Legend>{t('concern.kindLegend')}</Fieldset.Legend>
          {kinds.map((k) => (
            <Radio
              key={k}
              name={`${id}-kind`}
              value={k}
              label={t(`concern.action.${k}`)}
              description={t(`concern.actionHelp.${k}`)}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
          ))}
          {problemFor(ids.kind) && <ValidationMessage>{problemFor(ids.kind)}</ValidationMessage>}
        </Fieldset>
        {kind === 'mandatory_report' && (
          <div className='stack-sm guardian-answer'>
            <Textfield
              id={ids.report}
              multiline
              rows={5}
              label={t('concern.reportLabel')}
              description={t('concern.reportDescription', { min: REPORT_MIN })}
              value={report}
              onChange={(e) => setReport(e.target.value)}
              error={problemFor(ids.report)}
              aria-required='true'
            />
            <Checkbox label={t('concern.immediateDanger')} checked={danger} onChange={(e) => setDanger(e.target.checked)} value='danger' />
          </div>
        )}
        {kind !== null && (
          <Textfield
            id={ids.note}
            multiline
            rows={3}
            label={kind === 'closed' ? t('concern.closeReasonLabel') : t('concern.noteLabel')}
            description={noteRequired ? t('concern.noteRequired') : t('concern.noteOptional')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={problemFor(ids.note)}
            aria-required={noteRequired ? 'true' : undefined}
          />
        )}
        <div>
          <Button type='submit' loading={record.isPending} aria-disabled={record.isPending || undefined} className='big-button'>
            {record.isPending ? t('concern.saving') : t('concern.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

