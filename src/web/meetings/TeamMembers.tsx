/**
 * A standing team's members – name, title, the unit they represent and its
 * agency – and, for those who manage the team, adding a member (a search among
 * people who work with children, one row per unit they work at) and removing
 * one after a confirm step.
 */
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useLabels } from '../labels.ts';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown } from './MeetingBits.tsx';
import { useStandingTeamChanged } from './queries.ts';
import type { StandingTeam, StandingTeamMember } from './types.ts';

const optionValue = (staffId: string, unitId: string) => `${staffId}:${unitId}`;

function AddMember({ team, onAdded, onCancel }: { team: StandingTeam; onAdded: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labels = useLabels();
  const id = useId();
  const ids = { search: `${id}-search`, options: `${id}-options` };
  const changed = useStandingTeamChanged();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const opened = useFocusWhenShown<HTMLInputElement>(true);

  const staff = useQuery({
    queryKey: ['staff', 'team', search],
    queryFn: ({ signal }) => api.staff({ search: search ?? undefined, limit: 20, scope: 'team' }, signal).then((r) => r.items),
    enabled: search !== null,
  });
  // One row per person and unit (a person may hold two roles at one unit); those already in the team left out.
  const current = new Set(team.members.map((m) => optionValue(m.staffId, m.unitId)));
  const rows = [...new Map((staff.data ?? []).map((s) => [optionValue(s.id, s.unitId), s])).values()].filter((s) => !current.has(optionValue(s.id, s.unitId)));

  const add = useMutation({
    mutationFn: () => {
      const [staffId = '', unitId = ''] = chosen.split(':');
      return meetingsApi.addStandingTeamMember(team.id, { staffId, unitId });
    },
    onSuccess: async () => {
      const person = rows.find((s) => optionValue(s.id, s.unitId) === chosen);
      await changed();
      onAdded(person?.name ?? '');
    },
  });

  const runSearch = () => {
    setChosen('');
    setSearch(draft.trim());
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setAttempt((n) => n + 1);
    const found: Problem[] = chosen ? [] : [{ target: rows.length > 0 ? ids.options : ids.search, message: t('meetings.teams.member.pickRequired') }];
    setProblems(found);
    if (found.length === 0) add.mutate();
  };

  return (
    <form className='add-member stack-sm' onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <Heading level={5} data-size='2xs' id={`${id}-heading`}>
        {t('meetings.teams.member.addHeading')}
      </Heading>
      <FormErrorSummary key={`p${attempt}`} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
      {problems.length === 0 && <ApiErrorSummary error={add.error} attempt={attempt} heading={t('meetings.teams.member.addFailed')} />}
      <div className='search-form'>
        <Textfield
          id={ids.search}
          ref={opened}
          className='search-form__field'
          label={t('meetings.teams.member.searchLabel')}
          description={t('meetings.teams.member.searchDescription')}
          type='search'
          autoComplete='off'
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches instead of adding.
            if (e.key === 'Enter') {
              e.preventDefault();
              runSearch();
            }
          }}
        />
        <div className='search-form__buttons'>
          <Button type='button' variant='secondary' onClick={runSearch}>
            {t('meetings.teams.member.search')}
          </Button>
        </div>
      </div>
      {staff.isFetching && <Loading />}
      {staff.isError && <ErrorAlert error={staff.error} headingLevel={3} />}
      {staff.isSuccess && !staff.isFetching && rows.length === 0 && <Paragraph role='status'>{t('meetings.teams.member.none')}</Paragraph>}
      {staff.isSuccess && rows.length > 0 && (
        <Fieldset id={ids.options} className='staff-options'>
          <Fieldset.Legend>{t('meetings.teams.member.legend')}</Fieldset.Legend>
          {rows.map((s) => (
            <Radio
              key={optionValue(s.id, s.unitId)}
              name={`${id}-member`}
              value={optionValue(s.id, s.unitId)}
              label={s.name}
              description={[s.title ?? localized(s.roleTitle, language), `${s.unitName} (${labels.agency(s.agencyType)})`].filter(Boolean).join(', ')}
              checked={chosen === optionValue(s.id, s.unitId)}
              onChange={() => setChosen(optionValue(s.id, s.unitId))}
            />
          ))}
          {problems[0] && <ValidationMessage>{problems[0].message}</ValidationMessage>}
        </Fieldset>
      )}
      <div className='button-row'>
        <Button type='submit' loading={add.isPending} aria-disabled={add.isPending || undefined}>
          {add.isPending ? t('meetings.saving') : t('meetings.teams.member.save')}
        </Button>
        <Button type='button' variant='tertiary' onClick={onCancel}>
          {t('meetings.teams.member.cancel')}
        </Button>
      </div>
    </form>
  );
}

function RemoveConfirm({ team, member, onDone, onCancel }: { team: StandingTeam; member: StandingTeamMember; onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const changed = useStandingTeamChanged();
  const ref = useFocusWhenShown<HTMLDivElement>(true);
  const questionId = useId();
  const [attempt, setAttempt] = useState(0);
  const remove = useMutation({
    mutationFn: () => meetingsApi.removeStandingTeamMember(team.id, member.id),
    onSuccess: async () => {
      await changed();
      onDone(member.name);
    },
  });
  return (
    <div className='remove-confirm stack-sm' ref={ref} tabIndex={-1} role='group' aria-labelledby={questionId}>
      <ApiErrorSummary error={remove.error} attempt={attempt} heading={t('meetings.teams.member.removeFailed')} />
      <Paragraph id={questionId}>{t('meetings.teams.member.confirm', { name: member.name, unit: member.unitName })}</Paragraph>
      <div className='button-row'>
        <Button
          data-color='danger'
          loading={remove.isPending}
          aria-disabled={remove.isPending || undefined}
          onClick={() => {
            if (remove.isPending) return;
            setAttempt((n) => n + 1);
            remove.mutate();
          }}
        >
          {remove.isPending ? t('meetings.saving') : t('meetings.teams.member.confirmYes')}
        </Button>
        <Button variant='tertiary' onClick={onCancel}>
          {t('meetings.teams.member.cancel')}
        </Button>
      </div>
    </div>
  );
}

export function TeamMembers({ team, headingLevel }: { team: StandingTeam; headingLevel: 4 | 5 }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const receiptRef = useFocusWhenShown<HTMLDivElement>(receipt);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusLater = (elementId: string) => requestAnimationFrame(() => document.getElementById(elementId)?.focus());

  return (
    <div className='stack-sm'>
      <Heading level={headingLevel} data-size='2xs'>
        {t('meetings.teams.members', { count: team.members.length })}
      </Heading>
      {receipt && (
        <Alert data-color='success' ref={receiptRef} tabIndex={-1} role='status'>
          <Paragraph>{receipt}</Paragraph>
        </Alert>
      )}
      <ul className='plain-list member-list'>
        {team.members.map((m) => (
          <li key={m.id} className='member-row'>
            <span className='member-row__who'>
              <strong>{m.name}</strong>
              {m.title ? `, ${m.title}` : ''} – {m.unitName} ({labels.agency(m.agencyType)})
            </span>
            {team.canManage && confirming !== m.id && (
              <Button
                id={`remove-${m.id}`}
                variant='tertiary'
                data-size='sm'
                className='member-row__remove'
                onClick={() => {
                  setReceipt(null);
                  setConfirming(m.id);
                }}
              >
                {t('meetings.teams.member.remove')}
                <span className='meetings-visually-hidden'> {t('meetings.teams.member.removeWho', { name: m.name })}</span>
              </Button>
            )}
            {confirming === m.id && (
              <RemoveConfirm
                team={team}
                member={m}
                onDone={(name) => {
                  setConfirming(null);
                  setReceipt(t('meetings.teams.member.removed', { name }));
                }}
                onCancel={() => {
                  setConfirming(null);
                  focusLater(`remove-${m.id}`);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {team.canManage &&
        (adding ? (
          <AddMember
            team={team}
            onAdded={(name) => {
              setAdding(false);
              setReceipt(t('meetings.teams.member.added', { name }));
            }}
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => addButton.current?.focus());
            }}
          />
        ) : (
          <div>
            <Button
              ref={addButton}
              variant='secondary'
              onClick={() => {
                setReceipt(null);
                setAdding(true);
              }}
            >
              {t('meetings.teams.member.add')}
            </Button>
          </div>
        ))}
    </div>
  );
}
