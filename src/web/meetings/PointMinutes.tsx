/**
 * Minutes per child's point: what the reader may read (written by whom, which
 * unit owns them, the decisions, the plan they flow into), and – for those who
 * may write for the child – the form: minutes, a list of short decisions and,
 * optionally, the child's open plan the decisions belong to.
 */
import { Alert, Button, Heading, Label, Link as DsLink, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown } from './MeetingBits.tsx';
import { useChildPlansForMeeting, useMeetingChanged } from './queries.ts';
import type { AgendaChild, AgendaItem, ChildPlanItem, Minutes } from './types.ts';

const MINUTES_MAX = 20_000;
const DECISION_MAX = 2000;
const DECISIONS_MAX = 50;

export function MinutesEntry({ minutes, headingLevel = 5 }: { minutes: Minutes; headingLevel?: 4 | 5 }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <article className='minutes-card stack-sm' data-minutes={minutes.id}>
      <Heading level={headingLevel} data-size='2xs'>
        {t('meetings.minutes.by', { author: minutes.author, unit: minutes.owningUnitName, when: formatDateTime(minutes.createdAt, language) })}
      </Heading>
      <p className='minutes-card__text'>{minutes.minutes}</p>
      {minutes.decisions.length > 0 && (
        <div>
          <p className='field-heading'>{t('meetings.minutes.decisions')}</p>
          <ol className='decision-list'>
            {minutes.decisions.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ol>
        </div>
      )}
      {minutes.planId && (
        <Paragraph data-size='sm'>
          {t('meetings.minutes.flowsInto')}{' '}
          <DsLink asChild>
            <Link to={`/plans/${minutes.planId}`}>{t('meetings.minutes.thePlan')}</Link>
          </DsLink>
        </Paragraph>
      )}
    </article>
  );
}

const isOpen = (p: ChildPlanItem) => p.status !== 'closed';

function MinutesForm({ meetingId, item, child, childName }: { meetingId: string; item: AgendaItem; child: AgendaChild; childName: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const ids = { minutes: `${id}-minutes`, decisions: `${id}-decisions`, plan: `${id}-plan` };
  const decisionId = (i: number) => `${id}-decision-${i}`;
  const changed = useMeetingChanged();
  const plans = useChildPlansForMeeting(child.id);
  const openPlans = (plans.data ?? []).filter(isOpen);

  const [text, setText] = useState('');
  const [decisions, setDecisions] = useState<string[]>(['']);
  const [planId, setPlanId] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<Minutes | null>(null);
  const savedRef = useFocusWhenShown<HTMLDivElement>(saved);

  const write = useMutation({
    mutationFn: (body: { minutes: string; decisions: string[]; planId: string | null }) => meetingsApi.writeMinutes(meetingId, item.id, body),
    onSuccess: async (minutes) => {
      setSaved(minutes);
      setText('');
      setDecisions(['']);
      setPlanId('');
      await changed(child.id);
    },
  });

  /** The decision field to focus once the list has re-rendered (the new one, or the one before a removed one). */
  const focusDecision = useRef<number | null>(null);
  useEffect(() => {
    if (focusDecision.current === null) return;
    document.getElementById(decisionId(focusDecision.current))?.focus();
    focusDecision.current = null;
  });
  const addDecision = () => {
    if (decisions.length >= DECISIONS_MAX) return;
    focusDecision.current = decisions.length;
    setDecisions((d) => [...d, '']);
  };
  const removeDecision = (index: number) => {
    focusDecision.current = Math.max(0, index - 1);
    setDecisions((d) => (d.length === 1 ? [''] : d.filter((_, i) => i !== index)));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (write.isPending) return;
    setAttempt((n) => n + 1);
    setSaved(null);
    const found: Problem[] = [];
    const minutes = text.trim();
    if (!minutes) found.push({ target: ids.minutes, message: t('meetings.minutes.textRequired') });
    else if (minutes.length > MINUTES_MAX) found.push({ target: ids.minutes, message: t('meetings.minutes.textTooLong', { max: MINUTES_MAX }) });
    decisions.forEach((d, i) => {
      if (d.trim().length > DECISION_MAX) found.push({ target: decisionId(i), message: t('meetings.minutes.decisionTooLong', { n: i + 1, max: DECISION_MAX }) });
    });
    setProblems(found);
    if (found.length > 0) return;
    write.mutate({ minutes, decisions: decisions.map((d) => d.trim()).filter(Boolean), planId: planId || null });
  };

  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;
  const planLabel = (p: ChildPlanItem) =>
    t('meetings.minutes.planOption', { status: t(`meetings.planStatus.${p.status}`), date: formatDate(p.reviewDate, language), unit: p.owningUnitName });

  return (
    <div className='stack-sm minutes-form'>
      {saved && (
        <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status' className='stack-sm'>
          <Paragraph>{t('meetings.minutes.saved', { count: saved.decisions.length })}</Paragraph>
          {saved.planId && (
            <Paragraph>
              {t('meetings.minutes.savedToPlan')}{' '}
              <DsLink asChild>
                <Link to={`/plans/${saved.planId}`}>{t('meetings.minutes.openPlan', { name: childName })}</Link>
              </DsLink>
            </Paragraph>
          )}
        </Alert>
      )}
      <form className='stack-sm' onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
        <Heading level={5} data-size='2xs' id={`${id}-heading`}>
          {t('meetings.minutes.write', { name: childName })}
        </Heading>
        <FormErrorSummary key={attempt} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
        {problems.length === 0 && <ApiErrorSummary error={write.error} attempt={attempt} heading={t('meetings.minutes.failed')} />}
        <Textfield
          id={ids.minutes}
          multiline
          rows={5}
          label={t('meetings.minutes.textLabel')}
          description={t('meetings.minutes.textDescription')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={problemFor(ids.minutes)}
          aria-required='true'
        />
        <fieldset id={ids.decisions} className='decisions-fieldset stack-sm'>
          <legend className='field-heading'>{t('meetings.minutes.decisionsLegend')}</legend>
          <Paragraph data-size='sm'>{t('meetings.minutes.decisionsDescription')}</Paragraph>
          {decisions.map((d, i) => (
            <div className='decision-row' key={i}>
              <Textfield
                id={decisionId(i)}
                className='decision-row__field'
                label={t('meetings.minutes.decisionLabel', { n: i + 1 })}
                value={d}
                onChange={(e) => {
                  const value = e.target.value;
                  setDecisions((all) => all.map((x, j) => (j === i ? value : x)));
                }}
                error={problemFor(decisionId(i))}
              />
              {decisions.length > 1 && (
                <Button variant='tertiary' onClick={() => removeDecision(i)} aria-label={t('meetings.minutes.removeDecisionLabel', { n: i + 1 })}>
                  {t('meetings.minutes.removeDecision')}
                </Button>
              )}
            </div>
          ))}
          <div>
            <Button variant='secondary' onClick={addDecision} aria-disabled={decisions.length >= DECISIONS_MAX || undefined}>
              {t('meetings.minutes.addDecision')}
            </Button>
          </div>
        </fieldset>
        {openPlans.length > 0 && (
          <div className='stack-sm'>
            <Label htmlFor={ids.plan}>{t('meetings.minutes.planLabel')}</Label>
            <Paragraph data-size='sm' id={`${ids.plan}-description`}>
              {t('meetings.minutes.planDescription')}
            </Paragraph>
            <Select id={ids.plan} value={planId} onChange={(e) => setPlanId(e.target.value)} aria-describedby={`${ids.plan}-description`}>
              <Select.Option value=''>{t('meetings.minutes.noPlan')}</Select.Option>
              {openPlans.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {planLabel(p)}
                </Select.Option>
              ))}
            </Select>
          </div>
        )}
        <div>
          <Button type='submit' className='big-button' loading={write.isPending} aria-disabled={write.isPending || undefined}>
            {write.isPending ? t('meetings.saving') : t('meetings.minutes.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

export function PointMinutes({ meetingId, item, child, childName }: { meetingId: string; item: AgendaItem; child: AgendaChild; childName: string }) {
  const { t } = useTranslation();
  return (
    <div className='stack-sm agenda-point__part'>
      <Heading level={4} data-size='xs'>
        {t('meetings.minutes.heading')}
      </Heading>
      {item.minutes.length === 0 ? (
        <Paragraph>{t('meetings.minutes.none')}</Paragraph>
      ) : (
        <div className='stack-sm' data-testid='point-minutes'>
          {item.minutes.map((m) => (
            <MinutesEntry key={m.id} minutes={m} />
          ))}
        </div>
      )}
      {item.allowed.writeMinutes && <MinutesForm meetingId={meetingId} item={item} child={child} childName={childName} />}
    </div>
  );
}
