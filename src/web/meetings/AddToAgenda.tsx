/**
 * Put something on a standing team's agenda: a child you can see (found by
 * name or personal identity number; refused in words when the guardians'
 * consent for a team meeting does not cover everyone in the team), or one of
 * your units' de-identified consultations.
 */
import { Alert, Button, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { ChildSummary } from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { fullName } from '../format.ts';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown } from './MeetingBits.tsx';
import { useConsultations, useMeetingChanged } from './queries.ts';
import type { AgendaItemCreated, Consultation, MeetingDetail } from './types.ts';

const QUESTION_PREVIEW = 80;

function AddChild({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const changed = useMeetingChanged();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [added, setAdded] = useState<{ name: string; joined: number } | null>(null);
  const addedRef = useFocusWhenShown<HTMLDivElement>(added);

  const results = useQuery({
    queryKey: ['agenda-child-search', search],
    queryFn: ({ signal }) => api.children({ search: search ?? undefined, limit: 10 }, signal).then((r) => r.items),
    enabled: search !== null && search !== '',
  });
  const onAgenda = new Set(meeting.agenda.flatMap((i) => (i.child ? [i.child.id] : [])));
  const candidates = (results.data ?? []).filter((c) => !onAgenda.has(c.id));

  const childLabel = (c: ChildSummary) => (c.masked ? t('meetings.agenda.protectedChild') : fullName(c));

  const add = useMutation({
    mutationFn: (child: ChildSummary) => meetingsApi.addAgendaItem(meeting.id, { childId: child.id }),
    onSuccess: async (created: AgendaItemCreated, child) => {
      setAdded({ name: childLabel(child), joined: created.addedToChildTeam.length });
      setSearch(null);
      setDraft('');
      await changed(child.id);
    },
  });

  const runSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    add.reset();
    setAdded(null);
    const value = draft.trim();
    if (!value) {
      setProblems([{ target: `${id}-search`, message: t('meetings.add.searchRequired') }]);
      return;
    }
    setProblems([]);
    setSearch(value);
  };

  return (
    <div className='stack-sm'>
      <Heading level={3} data-size='xs'>
        {t('meetings.add.childHeading')}
      </Heading>
      <Paragraph>{t('meetings.add.childIntro')}</Paragraph>
      <FormErrorSummary key={attempt} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
      <form role='search' className='search-form' onSubmit={runSearch} noValidate aria-label={t('meetings.add.searchFormLabel')}>
        <Textfield
          id={`${id}-search`}
          className='search-form__field'
          label={t('meetings.add.searchLabel')}
          description={t('meetings.add.searchDescription')}
          type='search'
          autoComplete='off'
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          error={problems[0]?.message}
        />
        <div className='search-form__buttons'>
          <Button type='submit' variant='secondary'>
            {t('meetings.add.searchButton')}
          </Button>
        </div>
      </form>
      {results.isFetching && <Loading />}
      {results.isError && <ErrorAlert error={results.error} headingLevel={3} />}
      {results.isSuccess && (
        <p role='status' className='result-count'>
          {candidates.length === 0 ? t('meetings.add.noResults', { search: search ?? '' }) : t('meetings.add.results', { count: candidates.length })}
        </p>
      )}
      {results.isSuccess && candidates.length > 0 && (
        <ul className='plain-list candidate-list'>
          {candidates.map((c) => (
            <li key={c.id} className='candidate'>
              <span className={c.masked ? 'masked-name' : undefined}>
                <strong>{childLabel(c)}</strong>
                <span className='secondary-text'>{t('meetings.add.childFacts', { personnummer: c.personnummer, age: c.age })}</span>
              </span>
              <Button
                onClick={() => {
                  setAttempt((n) => n + 1);
                  setAdded(null);
                  add.mutate(c);
                }}
                loading={add.isPending && add.variables?.id === c.id}
                aria-disabled={add.isPending || undefined}
                aria-label={t('meetings.add.addChildLabel', { name: childLabel(c) })}
              >
                {t('meetings.add.addChild')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ApiErrorSummary error={add.error} attempt={attempt} heading={t('meetings.add.failed')} childId={add.variables?.id ?? null} />
      {added && (
        <Alert data-color='success' ref={addedRef} tabIndex={-1} role='status'>
          <Paragraph>
            {t('meetings.add.added', { name: added.name })} {added.joined > 0 && t('meetings.add.joined', { count: added.joined })}
          </Paragraph>
        </Alert>
      )}
    </div>
  );
}

function AddConsultation({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const changed = useMeetingChanged();
  const consultations = useConsultations(true);
  const onAgenda = new Set(meeting.agenda.flatMap((i) => (i.consultation ? [i.consultation.id] : [])));
  const options = (consultations.data ?? []).filter((c) => !onAgenda.has(c.id));
  const [selected, setSelected] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [added, setAdded] = useState(false);
  const addedRef = useFocusWhenShown<HTMLDivElement>(added);

  const add = useMutation({
    mutationFn: (consultationId: string) => meetingsApi.addAgendaItem(meeting.id, { consultationId }),
    onSuccess: async () => {
      setAdded(true);
      setSelected('');
      await changed();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setAttempt((n) => n + 1);
    setAdded(false);
    if (!selected) {
      setProblems([{ target: `${id}-consultation`, message: t('meetings.add.consultationRequired') }]);
      return;
    }
    setProblems([]);
    add.mutate(selected);
  };

  const optionLabel = (c: Consultation) => {
    const question = c.question.length > QUESTION_PREVIEW ? `${c.question.slice(0, QUESTION_PREVIEW)}…` : c.question;
    return t('meetings.add.consultationOption', { ageBand: c.ageBand, question, unit: c.unitName });
  };

  return (
    <div className='stack-sm'>
      <Heading level={3} data-size='xs'>
        {t('meetings.add.consultationHeading')}
      </Heading>
      <Paragraph>{t('meetings.add.consultationIntro')}</Paragraph>
      {consultations.isPending && <Loading />}
      {consultations.isError && <ErrorAlert error={consultations.error} headingLevel={3} />}
      {consultations.isSuccess && options.length === 0 && <Paragraph>{t('meetings.add.noConsultations')}</Paragraph>}
      {options.length > 0 && (
        <form className='stack-sm' onSubmit={submit} noValidate>
          <FormErrorSummary key={attempt} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
          {problems.length === 0 && <ApiErrorSummary error={add.error} attempt={attempt} heading={t('meetings.add.failed')} />}
          <div className='stack-sm'>
            <Label htmlFor={`${id}-consultation`}>{t('meetings.add.consultationLabel')}</Label>
            <Select
              id={`${id}-consultation`}
              value={selected}
              onChange={(e) => setSelected(e.target.value)}
              aria-invalid={problems.length > 0 || undefined}
            >
              <Select.Option value=''>{t('meetings.add.chooseConsultation')}</Select.Option>
              {options.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {optionLabel(c)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <div>
            <Button type='submit' variant='secondary' loading={add.isPending} aria-disabled={add.isPending || undefined}>
              {t('meetings.add.addConsultation')}
            </Button>
          </div>
        </form>
      )}
      {added && (
        <Alert data-color='success' ref={addedRef} tabIndex={-1} role='status'>
          <Paragraph>{t('meetings.add.consultationAdded')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

export function AddToAgenda({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby='add-to-agenda-heading' className='stack add-to-agenda'>
      <Heading level={2} data-size='md' id='add-to-agenda-heading'>
        {t('meetings.add.heading')}
      </Heading>
      <AddChild meeting={meeting} />
      <AddConsultation meeting={meeting} />
    </section>
  );
}
