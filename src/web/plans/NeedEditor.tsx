/**
 * One need of the plan, as a card for a tablet: the wellbeing indicator it is
 * tied to, the need, the desired outcome and how progress will be seen; its
 * actions (insatser) – what is done, from the intervention catalogue or in
 * own words, by which unit (and person), from when and until when.
 */
import { Button, Details, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionStatus, type Intervention } from '../api-types.ts';
import { Loading } from '../components/Status.tsx';
import { useLabels } from '../labels.ts';
import type { WheelIndicator } from '../wellbeing/types.ts';
import { emptyAction, fieldId, type ActionDraft, type NeedDraft } from './draft.ts';
import type { UnitOption } from './options.ts';
import { useInterventionSearch } from './queries.ts';

export function SelectField({
  id,
  label,
  description,
  error,
  value,
  onChange,
  children,
  className,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Field className={className}>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} className='big-select'>
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

type NeedCardProps = {
  need: NeedDraft;
  index: number;
  indicators: WheelIndicator[];
  units: UnitOption[];
  today: string;
  reviewDate: string;
  problemFor: (target: string) => string | undefined;
  interventionTitle: (id: string) => string | null;
  onChange: (need: NeedDraft) => void;
  onRemove: () => void;
  onRemoveAction: (action: ActionDraft, index: number) => void;
  onPick: (intervention: Intervention) => void;
};

export function NeedCard({ need, index, indicators, units, today, reviewDate, problemFor, interventionTitle, onChange, onRemove, onRemoveAction, onPick }: NeedCardProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const indicator = indicators.find((i) => i.key === need.indicator);
  const set = (patch: Partial<NeedDraft>) => onChange({ ...need, ...patch });
  const setAction = (action: ActionDraft) => set({ actions: need.actions.map((a) => (a.id === action.id ? action : a)) });
  const addAction = () => {
    const action = emptyAction({ startDate: today, dueDate: reviewDate > today ? reviewDate : today });
    set({ actions: [...need.actions, action] });
    setTimeout(() => document.getElementById(fieldId.action(action.id, 'description'))?.focus(), 0);
  };

  return (
    <li className='need-card' data-need={need.id}>
      <div className='section-head'>
        <Heading level={3} data-size='sm'>
          {t('plan.need.heading', { n })}
          {indicator && <span className='need-card__indicator'> – {indicator.name}</span>}
        </Heading>
        <Button variant='tertiary' type='button' data-color='danger' onClick={onRemove}>
          {t('plan.need.remove')}
          <span className='ds-sr-only'> {t('plan.need.heading', { n })}</span>
        </Button>
      </div>
      <SelectField
        id={fieldId.need(need.id, 'indicator')}
        label={t('plan.need.indicator')}
        description={t('plan.need.indicatorDescription')}
        value={need.indicator}
        onChange={(value) => set({ indicator: value })}
        error={problemFor(fieldId.need(need.id, 'indicator'))}
        className='indicator-field'
      >
        <Select.Option value=''>{t('plan.need.indicatorPlaceholder')}</Select.Option>
        {indicators.map((i) => (
          <Select.Option key={i.key} value={i.key}>
            {i.name}
          </Select.Option>
        ))}
        {need.indicator && !indicator && <Select.Option value={need.indicator}>{need.indicator}</Select.Option>}
      </SelectField>
      {indicator?.childStatement && <Paragraph className='child-statement'>”{indicator.childStatement}”</Paragraph>}
      <Textfield
        id={fieldId.need(need.id, 'need')}
        multiline
        rows={2}
        label={t('plan.need.need')}
        description={t('plan.need.needDescription')}
        value={need.need}
        maxLength={2000}
        onChange={(e) => set({ need: e.target.value })}
        error={problemFor(fieldId.need(need.id, 'need'))}
      />
      <Textfield
        id={fieldId.need(need.id, 'desiredOutcome')}
        multiline
        rows={2}
        label={t('plan.need.desiredOutcome')}
        description={t('plan.need.desiredOutcomeDescription')}
        value={need.desiredOutcome}
        maxLength={2000}
        onChange={(e) => set({ desiredOutcome: e.target.value })}
        error={problemFor(fieldId.need(need.id, 'desiredOutcome'))}
      />
      <Textfield
        id={fieldId.need(need.id, 'evidence')}
        multiline
        rows={2}
        label={t('plan.need.evidence')}
        description={t('plan.need.evidenceDescription')}
        value={need.evidence}
        maxLength={2000}
        onChange={(e) => set({ evidence: e.target.value })}
        error={problemFor(fieldId.need(need.id, 'evidence'))}
      />
      <div className='stack-sm'>
        <Heading level={4} data-size='xs'>
          {t('plan.action.listHeading', { n })}
        </Heading>
        {need.actions.length === 0 && <Paragraph data-size='sm'>{t('plan.action.none')}</Paragraph>}
        <ol className='action-list'>
          {need.actions.map((action, i) => (
            <ActionEditor
              key={action.id}
              action={action}
              n={n}
              a={i + 1}
              units={units}
              problemFor={problemFor}
              interventionTitle={interventionTitle}
              onChange={setAction}
              onRemove={() => onRemoveAction(action, i)}
              onPick={onPick}
            />
          ))}
        </ol>
        <div>
          <Button variant='secondary' type='button' onClick={addAction}>
            {t('plan.action.add')}
            <span className='ds-sr-only'> – {t('plan.need.heading', { n })}</span>
          </Button>
        </div>
      </div>
    </li>
  );
}

function ActionEditor({
  action,
  n,
  a,
  units,
  problemFor,
  interventionTitle,
  onChange,
  onRemove,
  onPick,
}: {
  action: ActionDraft;
  n: number;
  a: number;
  units: UnitOption[];
  problemFor: (target: string) => string | undefined;
  interventionTitle: (id: string) => string | null;
  onChange: (action: ActionDraft) => void;
  onRemove: () => void;
  onPick: (intervention: Intervention) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const set = (patch: Partial<ActionDraft>) => onChange({ ...action, ...patch });
  const unit = units.find((u) => u.id === action.responsibleUnitId);
  const name = t('plan.action.name', { n, a });
  const pick = (i: Intervention) => {
    onPick(i);
    const text = action.description.trim() ? action.description : `${i.title}: ${i.description}`;
    onChange({ ...action, interventionId: i.id, description: text, responsibleUnitId: i.unitId, responsibleStaffId: i.unitId === action.responsibleUnitId ? action.responsibleStaffId : null });
    setTimeout(() => document.getElementById(fieldId.action(action.id, 'description'))?.focus(), 0);
  };

  return (
    <li className='action-card' data-action={action.id}>
      <div className='section-head'>
        <p className='field-heading action-card__name'>{name}</p>
        <Button variant='tertiary' type='button' data-color='danger' onClick={onRemove}>
          {t('plan.action.remove')}
          <span className='ds-sr-only'> – {name}</span>
        </Button>
      </div>
      {action.interventionId ? (
        <div className='catalogue-link'>
          <Paragraph data-size='sm'>
            {t('plan.action.fromCatalogue', { title: interventionTitle(action.interventionId) ?? t('plan.action.unknownIntervention') })}
          </Paragraph>
          <Button variant='tertiary' type='button' onClick={() => set({ interventionId: null })}>
            {t('plan.action.unlink')}
            <span className='ds-sr-only'> – {name}</span>
          </Button>
        </div>
      ) : (
        <InterventionPicker actionName={name} onPick={pick} />
      )}
      <Textfield
        id={fieldId.action(action.id, 'description')}
        multiline
        rows={2}
        label={t('plan.action.description')}
        description={t('plan.action.descriptionHint')}
        value={action.description}
        maxLength={2000}
        onChange={(e) => set({ description: e.target.value })}
        error={problemFor(fieldId.action(action.id, 'description'))}
      />
      <div className='field-pair'>
        <SelectField
          id={fieldId.action(action.id, 'responsibleUnitId')}
          label={t('plan.action.unit')}
          value={action.responsibleUnitId}
          onChange={(value) => set({ responsibleUnitId: value, responsibleStaffId: null })}
          error={problemFor(fieldId.action(action.id, 'responsibleUnitId'))}
        >
          <Select.Option value=''>{t('plan.action.unitPlaceholder')}</Select.Option>
          {units.map((u) => (
            <Select.Option key={u.id} value={u.id}>
              {u.agencyType ? `${u.name} (${labels.agency(u.agencyType)})` : u.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          id={`plan-action-${action.id}-person`}
          label={t('plan.action.person')}
          value={action.responsibleStaffId ?? ''}
          onChange={(value) => set({ responsibleStaffId: value || null })}
        >
          <Select.Option value=''>{t('plan.action.personNone')}</Select.Option>
          {(unit?.people ?? []).map((p) => (
            <Select.Option key={p.id} value={p.id}>
              {p.name}
            </Select.Option>
          ))}
        </SelectField>
      </div>
      <div className='field-pair'>
        <Textfield
          id={fieldId.action(action.id, 'startDate')}
          type='date'
          label={t('plan.action.startDate')}
          value={action.startDate}
          onChange={(e) => set({ startDate: e.target.value })}
          error={problemFor(fieldId.action(action.id, 'startDate'))}
          className='date-field'
        />
        <Textfield
          id={fieldId.action(action.id, 'dueDate')}
          type='date'
          label={t('plan.action.dueDate')}
          value={action.dueDate}
          min={action.startDate || undefined}
          onChange={(e) => set({ dueDate: e.target.value })}
          error={problemFor(fieldId.action(action.id, 'dueDate'))}
          className='date-field'
        />
      </div>
      <Details className='action-progress'>
        <Details.Summary>
          {t('plan.action.progress')}: {t(`plan.actionStatus.${action.status}`)}
        </Details.Summary>
        <Details.Content>
          <div className='stack-sm'>
            <SelectField id={`plan-action-${action.id}-status`} label={t('plan.action.status')} value={action.status} onChange={(value) => set({ status: value as ActionStatus })}>
              {ACTION_STATUSES.map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`plan.actionStatus.${s}`)}
                </Select.Option>
              ))}
            </SelectField>
            <Textfield multiline rows={2} label={t('plan.action.comment')} value={action.comment} maxLength={2000} onChange={(e) => set({ comment: e.target.value })} />
          </div>
        </Details.Content>
      </Details>
    </li>
  );
}

/** Debounced value: what the user typed, once they pause. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Search what the units of the collaboration area offer, as you type. */
function InterventionPicker({ actionName, onPick }: { actionName: string; onPick: (intervention: Intervention) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 300);
  const results = useInterventionSearch(search);
  const items = results.data?.items ?? [];
  return (
    <Details className='intervention-picker'>
      <Details.Summary>
        {t('plan.catalogue.open')}
        <span className='ds-sr-only'> – {actionName}</span>
      </Details.Summary>
      <Details.Content>
        <div className='stack-sm'>
          <Textfield
            type='search'
            autoComplete='off'
            label={t('plan.catalogue.searchLabel')}
            description={t('plan.catalogue.searchDescription')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div aria-live='polite' className='stack-sm'>
            {results.isFetching && <Loading label={t('plan.catalogue.searching')} />}
            {results.isError && <Paragraph>{t('plan.catalogue.error')}</Paragraph>}
            {results.isSuccess && !results.isFetching && <Paragraph data-size='sm'>{t('plan.catalogue.count', { count: items.length })}</Paragraph>}
          </div>
          {items.length > 0 && (
            <ul className='intervention-results'>
              {items.map((i) => (
                <li key={i.id} className='intervention-result'>
                  <div>
                    <p className='field-heading'>{i.title}</p>
                    <p className='secondary-text'>
                      {i.unitName}, {labels.agency(i.agencyType)}
                    </p>
                    <p className='intervention-result__description'>{i.description}</p>
                  </div>
                  <Button variant='secondary' type='button' onClick={() => onPick(i)}>
                    {t('plan.catalogue.pick')}
                    <span className='ds-sr-only'> {i.title}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Details.Content>
    </Details>
  );
}
