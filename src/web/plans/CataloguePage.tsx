/**
 * The intervention catalogue (`/catalogue`): what the units of the
 * collaboration area offer, searchable by words in the name, description or
 * unit. Staff of a unit add what their unit offers, change its name and
 * description, and stop offering it (or offer it again) – the API decides
 * (`assertWorksAtUnit`), and its refusals are shown in an error summary. What
 * is no longer offered is hidden unless asked for, and cannot be picked in
 * new plans.
 */
import { Alert, Button, Checkbox, Details, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, isApiError } from '../api.ts';
import type { Intervention, Me } from '../api-types.ts';
import { useMe } from '../auth.tsx';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, errorMessage, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useLabels } from '../labels.ts';
import { SelectField } from './NeedEditor.tsx';
import { CATALOGUE_LIMIT, interventionsQueryKey, useCatalogue, type CatalogueFilter } from './queries.ts';

export type CatalogueUnit = { id: string; name: string; agencyType: string };

/**
 * The units whose catalogue the user keeps: where they work with children or
 * manage (as the API's `assertWorksAtUnit` has it) – not as administrator or
 * log reviewer.
 */
export function catalogueUnits(me: Me | null | undefined): CatalogueUnit[] {
  const units = new Map<string, CatalogueUnit>();
  for (const r of me?.roles ?? []) {
    if (r.role === 'administrator' || r.role === 'log_reviewer') continue;
    if (!units.has(r.unitId)) units.set(r.unitId, { id: r.unitId, name: r.unitName, agencyType: r.agencyType });
  }
  return [...units.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

type Values = { unitId: string; title: string; description: string };
type Field = keyof Values;
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 2000;

/** The API names fields `unitId`, `title`, `description` (details.field, or details.issues[].field). */
function apiFields(error: unknown): Field[] {
  if (!isApiError(error)) return [];
  const named = [error.details?.field, ...(Array.isArray(error.details?.issues) ? (error.details.issues as { field?: unknown }[]).map((i) => i.field) : [])];
  return named.filter((f): f is Field => f === 'unitId' || f === 'title' || f === 'description');
}

/** Enter in a one-line field must not submit a half-written form. */
function blockEnterSubmit(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'submit') event.preventDefault();
}

/** The form for a new intervention and for changing one: checks, then the API's answer, in an error summary. */
function InterventionForm({
  idPrefix,
  heading,
  units,
  initial,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  heading?: string;
  units: CatalogueUnit[] | null;
  initial: Values;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: Values) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [fromApi, setFromApi] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const id = (field: Field) => `${idPrefix}-${field}`;
  const problemFor = (field: Field) => problems.find((p) => p.target === id(field))?.message;

  const check = (v: Values): Problem[] => {
    const found: Problem[] = [];
    if (units && !v.unitId) found.push({ target: id('unitId'), message: t('catalogue.form.unitRequired') });
    if (!v.title.trim()) found.push({ target: id('title'), message: t('catalogue.form.titleRequired') });
    else if (v.title.trim().length > TITLE_MAX) found.push({ target: id('title'), message: t('catalogue.form.titleTooLong') });
    if (!v.description.trim()) found.push({ target: id('description'), message: t('catalogue.form.descriptionRequired') });
    else if (v.description.trim().length > DESCRIPTION_MAX) found.push({ target: id('description'), message: t('catalogue.form.descriptionTooLong') });
    return found;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const found = check(values);
    setProblems(found);
    setFromApi(false);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await onSubmit({ unitId: values.unitId, title: values.title.trim(), description: values.description.trim() });
      setValues(initial);
    } catch (error) {
      const message = errorMessage(error, t('common.errorHeading'));
      const fields = apiFields(error);
      setProblems(fields.length > 0 ? fields.map((f) => ({ target: id(f), message })) : [{ target: '', message }]);
      setFromApi(true);
    } finally {
      setBusy(false);
    }
  };

  const onlyUnit = units?.length === 1 ? units[0] : undefined;
  return (
    <form className='stack-sm intervention-form' onSubmit={(e) => void submit(e)} onKeyDown={blockEnterSubmit} noValidate aria-label={heading}>
      <FormErrorSummary key={attempt} problems={problems} heading={fromApi ? t('catalogue.form.apiErrorHeading') : t('catalogue.form.errorHeading')} level={3} />
      {units && !onlyUnit && (
        <SelectField id={id('unitId')} label={t('catalogue.form.unit')} value={values.unitId} error={problemFor('unitId')} onChange={(unitId) => setValues((v) => ({ ...v, unitId }))}>
          <Select.Option value=''>{t('catalogue.form.chooseUnit')}</Select.Option>
          {units.map((u) => (
            <Select.Option key={u.id} value={u.id}>
              {u.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {onlyUnit && (
        <Paragraph>
          <span className='field-heading'>{t('catalogue.form.unit')}</span> {onlyUnit.name}
        </Paragraph>
      )}
      <Textfield
        id={id('title')}
        label={t('catalogue.form.title')}
        description={t('catalogue.form.titleDescription')}
        value={values.title}
        maxLength={TITLE_MAX}
        autoComplete='off'
        onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
        error={problemFor('title')}
        aria-required='true'
      />
      <Textfield
        id={id('description')}
        multiline
        rows={4}
        label={t('catalogue.form.description')}
        description={t('catalogue.form.descriptionDescription')}
        value={values.description}
        maxLength={DESCRIPTION_MAX}
        onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
        error={problemFor('description')}
        aria-required='true'
      />
      <div className='button-row'>
        <Button type='submit' className='big-button' loading={busy} aria-disabled={busy || undefined}>
          {busy ? busyLabel : submitLabel}
        </Button>
        {onCancel && (
          <Button type='button' variant='secondary' className='big-button' onClick={onCancel}>
            {t('catalogue.form.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

type Notice = { message: string; undo?: { label: string; run: () => Promise<unknown> } };

function InterventionItem({ item, editable, onNotice }: { item: Intervention; editable: boolean; onNotice: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = `intervention-${item.id}-heading`;

  const refresh = () => queryClient.invalidateQueries({ queryKey: interventionsQueryKey });
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.updateIntervention(item.id, { active }),
    onSuccess: async (changed) => {
      const undo = { label: t('catalogue.undo'), run: () => api.updateIntervention(changed.id, { active: !changed.active }).then(refresh) };
      onNotice({ message: t(changed.active ? 'catalogue.reactivated' : 'catalogue.retired', { title: changed.title }), undo });
      await refresh();
    },
  });
  const toggle = () => {
    if (setActive.isPending) return;
    setAttempt((n) => n + 1);
    setSaved(null);
    setActive.mutate(!item.active);
  };

  const startEditing = () => {
    setSaved(null);
    setEditing(true);
    setTimeout(() => document.getElementById(`intervention-${item.id}-title`)?.focus(), 0);
  };
  const stopEditing = () => {
    setEditing(false);
    setTimeout(() => editButton.current?.focus(), 0);
  };

  if (editing) {
    return (
      <li className='intervention-result catalogue-item' data-intervention={item.id}>
        <div className='stack-sm'>
          <Heading level={3} data-size='xs'>
            {t('catalogue.form.editHeading', { title: item.title })}
          </Heading>
          <InterventionForm
            idPrefix={`intervention-${item.id}`}
            heading={t('catalogue.form.editHeading', { title: item.title })}
            units={null}
            initial={{ unitId: item.unitId, title: item.title, description: item.description }}
            submitLabel={t('catalogue.form.save')}
            busyLabel={t('catalogue.form.saving')}
            onSubmit={async (values) => {
              const changed = await api.updateIntervention(item.id, { title: values.title, description: values.description });
              setSaved(t('catalogue.form.saved', { title: changed.title }));
              stopEditing();
              await refresh();
            }}
            onCancel={stopEditing}
          />
        </div>
      </li>
    );
  }

  return (
    <li className='intervention-result catalogue-item' data-intervention={item.id} data-active={item.active}>
      <div className='stack-sm'>
        <Heading level={3} data-size='xs' id={headingId}>
          {item.title}
        </Heading>
        {!item.active && (
          <div className='tags'>
            <Tag data-color='warning' data-size='sm'>
              {t('catalogue.inactive')}
            </Tag>
          </div>
        )}
        <dl className='facts facts--compact'>
          <div>
            <dt>{t('catalogue.unit')}</dt>
            <dd>{item.unitName}</dd>
          </div>
          <div>
            <dt>{t('catalogue.agency')}</dt>
            <dd>{labels.agency(item.agencyType)}</dd>
          </div>
        </dl>
        <p className='intervention-result__description'>{item.description}</p>
        <FormErrorSummary key={attempt} problems={setActive.error ? [{ target: '', message: errorMessage(setActive.error, t('common.errorHeading')) }] : []} heading={t('catalogue.changeErrorHeading')} level={3} />
        {saved && (
          <Paragraph role='status' data-size='sm'>
            {saved}
          </Paragraph>
        )}
      </div>
      {editable && (
        <div className='button-row'>
          <Button ref={editButton} type='button' variant='secondary' className='big-button' onClick={startEditing}>
            {t('catalogue.edit')}
            <span className='ds-sr-only'> {item.title}</span>
          </Button>
          <Button type='button' variant='secondary' className='big-button' onClick={toggle} loading={setActive.isPending} aria-disabled={setActive.isPending || undefined}>
            {item.active ? t('catalogue.retire') : t('catalogue.reactivate')}
            <span className='ds-sr-only'> {item.title}</span>
          </Button>
        </div>
      )}
    </li>
  );
}

/** Says what just happened to an intervention (it may have left the list), with its undo. Takes focus when it appears. */
function CatalogueNotice({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => ref.current?.focus(), [notice]);
  const undo = async () => {
    if (!notice.undo || busy) return;
    setBusy(true);
    try {
      await notice.undo.run();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert data-color='success' ref={ref} tabIndex={-1} role='status' className='catalogue-notice'>
      <div className='button-row'>
        <Paragraph>{notice.message}</Paragraph>
        {notice.undo && (
          <Button type='button' variant='secondary' className='big-button' onClick={() => void undo()} loading={busy}>
            {notice.undo.label}
          </Button>
        )}
      </div>
      {error !== null && <Paragraph>{errorMessage(error, t('common.errorHeading'))}</Paragraph>}
    </Alert>
  );
}

function SearchForm({ filter, units, onChange }: { filter: CatalogueFilter; units: CatalogueUnit[]; onChange: (filter: CatalogueFilter) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.search);
  useEffect(() => setText(filter.search), [filter.search]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...filter, search: text.trim() });
  };
  return (
    <form role='search' className='stack-sm catalogue-search' onSubmit={submit} aria-label={t('catalogue.search.label')}>
      <div className='search-form'>
        <Textfield
          className='search-form__field'
          id='catalogue-search'
          type='search'
          autoComplete='off'
          label={t('catalogue.search.label')}
          description={t('catalogue.search.description')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className='search-form__buttons'>
          <Button type='submit' className='big-button'>
            {t('catalogue.search.button')}
          </Button>
          {filter.search && (
            <Button
              type='button'
              variant='tertiary'
              className='big-button'
              onClick={() => {
                setText('');
                onChange({ ...filter, search: '' });
              }}
            >
              {t('catalogue.search.clear')}
            </Button>
          )}
        </div>
      </div>
      <div className='field-pair'>
        {units.length > 0 && (
          <SelectField id='catalogue-unit' label={t('catalogue.search.unit')} value={filter.unitId} onChange={(unitId) => onChange({ ...filter, unitId })}>
            <Select.Option value=''>{t('catalogue.search.allUnits')}</Select.Option>
            {units.map((u) => (
              <Select.Option key={u.id} value={u.id}>
                {u.name}
              </Select.Option>
            ))}
          </SelectField>
        )}
        <Checkbox
          label={t('catalogue.search.includeInactive')}
          value='inactive'
          checked={filter.includeInactive}
          onChange={(e) => onChange({ ...filter, includeInactive: e.target.checked })}
        />
      </div>
    </form>
  );
}

export function CataloguePage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  // The filter lives here (the controls answer at once) and is mirrored in the address, so a reload or a shared link keeps it.
  const [filter, setFilter] = useState<CatalogueFilter>(() => ({
    search: params.get('q') ?? '',
    unitId: params.get('unit') ?? '',
    includeInactive: params.get('inactive') === '1',
  }));
  const catalogue = useCatalogue(filter);
  const units = catalogueUnits(me.data);
  const mine = new Set(units.map((u) => u.id));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const changeFilter = (next: CatalogueFilter) => {
    const search = new URLSearchParams();
    if (next.search) search.set('q', next.search);
    if (next.unitId) search.set('unit', next.unitId);
    if (next.includeInactive) search.set('inactive', '1');
    setNotice(null);
    setFilter(next);
    setParams(search, { replace: true });
  };

  const items = catalogue.data?.items ?? [];
  const searched = filter.search !== '' || filter.unitId !== '';

  return (
    <div className='stack catalogue-page' data-size='lg'>
      <div className='stack-sm'>
        <Heading level={1} data-size='lg'>
          {t('catalogue.title')}
        </Heading>
        <Paragraph>{t('catalogue.intro')}</Paragraph>
      </div>

      {units.length > 0 ? (
        <Details className='add-intervention form-section'>
          <Details.Summary>{t('catalogue.form.addHeading')}</Details.Summary>
          <Details.Content>
            <div className='stack-sm'>
              <Paragraph>{t('catalogue.form.addIntro')}</Paragraph>
              {added && (
                <Alert data-color='success' role='status' className='catalogue-added'>
                  {added}
                </Alert>
              )}
              <InterventionForm
                idPrefix='new-intervention'
                heading={t('catalogue.form.addHeading')}
                units={units}
                initial={{ unitId: units.length === 1 ? units[0]!.id : '', title: '', description: '' }}
                submitLabel={t('catalogue.form.add')}
                busyLabel={t('catalogue.form.adding')}
                onSubmit={async (values) => {
                  setAdded(null);
                  const created = await api.createIntervention(values);
                  setAdded(t('catalogue.form.added', { title: created.title }));
                  // The form empties with the confirmation; the list catches up on its own.
                  void queryClient.invalidateQueries({ queryKey: interventionsQueryKey });
                }}
              />
            </div>
          </Details.Content>
        </Details>
      ) : (
        <Paragraph data-size='sm'>{t('catalogue.noUnits')}</Paragraph>
      )}

      <SearchForm filter={filter} units={units} onChange={changeFilter} />

      <section aria-labelledby='catalogue-results-heading' className='stack-sm catalogue-results'>
        <Heading level={2} data-size='md' id='catalogue-results-heading'>
          {t('catalogue.resultsHeading')}
        </Heading>
        {notice && <CatalogueNotice notice={notice} onDone={() => setNotice(null)} />}
        <div aria-live='polite' className='stack-sm'>
          {catalogue.isFetching ? (
            <Loading label={t('catalogue.searching')} />
          ) : catalogue.isSuccess ? (
            <Paragraph data-size='sm' className='catalogue-count'>
              {items.length === 0
                ? searched
                  ? t('catalogue.none')
                  : t('catalogue.empty')
                : items.length >= CATALOGUE_LIMIT
                  ? t('catalogue.limited', { count: items.length })
                  : t('catalogue.count', { count: items.length })}
            </Paragraph>
          ) : null}
        </div>
        {catalogue.isError && <ErrorAlert error={catalogue.error} headingLevel={3} onRetry={() => void catalogue.refetch()} />}
        {items.length > 0 && (
          <ul className='intervention-results catalogue-list'>
            {items.map((item) => (
              <InterventionItem key={item.id} item={item} editable={mine.has(item.unitId)} onNotice={setNotice} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
