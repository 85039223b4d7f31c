/**
 * "Skapa ett stående team": a team type of the municipality's model profile,
 * the hosting unit (one of mine where I may host), a name and a place, and the
 * fixed slot – prefilled from the team type and editable – with the first
 * meeting day. Shown only to those the API lets host a team somewhere.
 */
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { localized, todayIso } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { meetingsApi } from './api.ts';
import { cadenceKey, weekdayName } from './format.ts';
import { ApiErrorSummary, useMeetingWords } from './MeetingBits.tsx';
import { useStandingTeamChanged } from './queries.ts';
import type { CadenceInput, StandingTeam, StandingTeamOptions, StandingTeamType } from './types.ts';

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function SelectField({ id, label, error, value, onChange, children }: { id: string; label: string; error?: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} className='big-select'>
        {children}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

type Slot = { everyWeeks: string; weekday: string; start: string; end: string };

function slotOf(type: StandingTeamType | undefined, firstDate: string): Slot {
  const c = type?.meetingCadence;
  if (c) return { everyWeeks: String(c.everyWeeks), weekday: String(c.weekday), start: c.start, end: c.end };
  const day = new Date(`${firstDate || todayIso()}T12:00:00Z`).getUTCDay();
  return { everyWeeks: '2', weekday: String(day === 0 ? 7 : day), start: '', end: '' };
}

export function CreateStandingTeam({ options, onCreated, onCancel }: { options: StandingTeamOptions[]; onCreated: (team: StandingTeam) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const words = useMeetingWords();
  const id = useId();
  const ids = {
    unit: `${id}-unit`,
    type: `${id}-type`,
    name: `${id}-name`,
    place: `${id}-place`,
    everyWeeks: `${id}-every`,
    weekday: `${id}-weekday`,
    start: `${id}-start`,
    end: `${id}-end`,
    firstDate: `${id}-first`,
  };
  const hosts = options.flatMap((m) => m.hostUnits.map((u) => ({ ...u, municipality: m })));
  const severalMunicipalities = new Set(hosts.map((h) => h.municipality.municipalityId)).size > 1;
  const changed = useStandingTeamChanged();

  const [unitId, setUnitId] = useState(hosts.length === 1 ? hosts[0]!.id : '');
  const [typeKey, setTypeKey] = useState('');
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  const [firstDate, setFirstDate] = useState(todayIso());
  const [useSlot, setUseSlot] = useState(false);
  const [slot, setSlot] = useState<Slot>(slotOf(undefined, firstDate));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened by a button: keyboard and screen-reader users land on the form's heading.
  useEffect(() => headingRef.current?.focus(), []);

  const municipality = hosts.find((h) => h.id === unitId)?.municipality ?? (options.length === 1 ? options[0] : undefined);
  const types = municipality?.teamTypes ?? [];
  const type = types.find((tt) => tt.key === typeKey);
  const typeHasSlot = Boolean(type?.meetingCadence);

  const chooseType = (key: string) => {
    setTypeKey(key);
    const next = types.find((tt) => tt.key === key);
    setUseSlot(Boolean(next?.meetingCadence));
    setSlot(slotOf(next, firstDate));
  };

  const cadence = (): CadenceInput => ({ everyWeeks: Number(slot.everyWeeks), weekday: Number(slot.weekday), start: slot.start, end: slot.end });

  const create = useMutation({
    mutationFn: () =>
      meetingsApi.createStandingTeam({
        unitId,
        teamType: typeKey,
        ...(name.trim() ? { name: name.trim() } : {}),
        location: place.trim() || null,
        ...(useSlot ? { cadence: cadence(), startingFrom: firstDate } : {}),
      }),
    onSuccess: async (team) => {
      await changed();
      onCreated(team);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setAttempt((n) => n + 1);
    const found: Problem[] = [];
    if (!unitId) found.push({ target: ids.unit, message: t('meetings.teams.create.unitRequired') });
    if (!type) found.push({ target: ids.type, message: t('meetings.teams.create.typeRequired') });
    if (useSlot) {
      if (!CLOCK.test(slot.start)) found.push({ target: ids.start, message: t('meetings.teams.create.startRequired') });
      if (!CLOCK.test(slot.end)) found.push({ target: ids.end, message: t('meetings.teams.create.endRequired') });
      else if (CLOCK.test(slot.start) && slot.end <= slot.start) found.push({ target: ids.end, message: t('meetings.teams.create.endAfterStart') });
      if (!firstDate) found.push({ target: ids.firstDate, message: t('meetings.teams.create.firstDateRequired') });
    }
    setProblems(found);
    if (found.length === 0) create.mutate();
  };

  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;
  const frequencies = [...new Set([1, 2, 3, 4, 5, 6, 8, Number(slot.everyWeeks)])].sort((a, b) => a - b);

  return (
    <section className='create-standing-team stack-sm' aria-labelledby={`${id}-heading`}>
      <Heading level={3} data-size='xs' id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('meetings.teams.create.heading')}
      </Heading>
      <Paragraph>{t('meetings.teams.create.intro')}</Paragraph>
      <form className='stack-sm' onSubmit={submit} noValidate>
        <FormErrorSummary key={`p${attempt}`} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
        {problems.length === 0 && <ApiErrorSummary error={create.error} attempt={attempt} heading={t('meetings.teams.create.failed')} level={3} />}

        <SelectField id={ids.unit} label={t('meetings.teams.create.unit')} value={unitId} onChange={setUnitId} error={problemFor(ids.unit)}>
          {hosts.length !== 1 && <Select.Option value=''>–</Select.Option>}
          {hosts.map((h) => (
            <Select.Option key={h.id} value={h.id}>
              {severalMunicipalities ? `${h.name} (${h.municipality.municipalityName})` : h.name}
            </Select.Option>
          ))}
        </SelectField>

        <Fieldset id={ids.type} className='team-type-options'>
          <Fieldset.Legend>{t('meetings.teams.create.type')}</Fieldset.Legend>
          {municipality && (
            <Fieldset.Description>{t('meetings.teams.create.typeDescription', { model: localized(municipality.profile.name, language) })}</Fieldset.Description>
          )}
          {types.map((tt) => (
            <Radio
              key={tt.key}
              name={`${id}-team-type`}
              value={tt.key}
              label={localized(tt.name, language)}
              description={[
                tt.ageFrom !== null && tt.ageTo !== null ? t('meetings.teams.create.ages', { from: tt.ageFrom, to: tt.ageTo }) : '',
                tt.meetingCadence ? t('meetings.teams.create.defaultSlot', { cadence: words.cadence(tt.meetingCadence) }) : t('meetings.teams.create.asNeeded'),
              ]
                .filter(Boolean)
                .join(' ')}
              checked={typeKey === tt.key}
              onChange={() => chooseType(tt.key)}
            />
          ))}
          {problemFor(ids.type) && <ValidationMessage>{problemFor(ids.type)}</ValidationMessage>}
        </Fieldset>

        <Textfield
          id={ids.name}
          label={t('meetings.teams.create.name')}
          description={t('meetings.teams.create.nameDescription')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <Textfield
          id={ids.place}
          label={t('meetings.teams.create.place')}
          description={t('meetings.teams.create.placeDescription')}
          value={place}
          maxLength={300}
          onChange={(e) => setPlace(e.target.value)}
        />

        {type && !typeHasSlot && <Checkbox label={t('meetings.teams.create.useSlot')} value='slot' checked={useSlot} onChange={(e) => setUseSlot(e.target.checked)} />}

        {type && useSlot && (
          <Fieldset className='team-slot'>
            <Fieldset.Legend>{t('meetings.teams.create.slot')}</Fieldset.Legend>
            {typeHasSlot && <Fieldset.Description>{t('meetings.teams.create.slotDescription')}</Fieldset.Description>}
            <div className='date-pair'>
              <SelectField id={ids.everyWeeks} label={t('meetings.teams.create.frequency')} value={slot.everyWeeks} onChange={(v) => setSlot({ ...slot, everyWeeks: v })}>
                {frequencies.map((n) => (
                  <Select.Option key={n} value={String(n)}>
                    {t(`meetings.teams.create.frequencyOption.${cadenceKey(n)}`, { n })}
                  </Select.Option>
                ))}
              </SelectField>
              <SelectField id={ids.weekday} label={t('meetings.teams.create.weekday')} value={slot.weekday} onChange={(v) => setSlot({ ...slot, weekday: v })}>
                {WEEKDAYS.map((d) => (
                  <Select.Option key={d} value={String(d)}>
                    {weekdayName(d, language)}
                  </Select.Option>
                ))}
              </SelectField>
              <Textfield
                id={ids.start}
                type='time'
                label={t('meetings.teams.create.start')}
                value={slot.start}
                onChange={(e) => setSlot({ ...slot, start: e.target.value })}
                error={problemFor(ids.start)}
                aria-required='true'
              />
              <Textfield
                id={ids.end}
                type='time'
                label={t('meetings.teams.create.end')}
                value={slot.end}
                onChange={(e) => setSlot({ ...slot, end: e.target.value })}
                error={problemFor(ids.end)}
                aria-required='true'
              />
            </div>
            <Textfield
              id={ids.firstDate}
              type='date'
              label={t('meetings.teams.create.firstDate')}
              description={t('meetings.teams.create.firstDateDescription')}
              value={firstDate}
              onChange={(e) => setFirstDate(e.target.value)}
              error={problemFor(ids.firstDate)}
              aria-required='true'
            />
          </Fieldset>
        )}

        <div className='button-row'>
          <Button type='submit' className='big-button' loading={create.isPending} aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('meetings.saving') : t('meetings.teams.create.submit')}
          </Button>
          <Button type='button' variant='tertiary' className='big-button' onClick={onCancel}>
            {t('meetings.teams.create.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
