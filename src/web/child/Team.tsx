/**
 * The team around the child: who is in it, from which unit and agency, and
 * whether an active consent still covers them. Add a professional (any person
 * who works with children, at one of their units) or remove one. Without a
 * consent that covers the person's agency the API says no – shown in words.
 * The lead professional (stödsamordnare) heads the panel, with history and
 * "Utse stödsamordnare", and is marked in the list.
 */
import { Alert, Button, Details, Fieldset, Heading, Paragraph, Radio, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api.ts';
import type { AddTeamMemberRequest, NamedPersonDetail, StaffCandidate, TeamMember } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useLabels } from '../labels.ts';
import { LeadProfessionalPanel } from '../plans/LeadProfessionalPanel.tsx';
import { useLeadProfessional } from '../plans/queries.ts';
import { teamQueryKey, useTeam } from './queries.ts';

const rowKey = (s: { id: string; unitId: string }) => `${s.id}:${s.unitId}`;

function AddTeamMember({ childId, members }: { childId: string; members: TeamMember[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const addedRef = useRef<HTMLDivElement>(null);

  const staff = useQuery({
    queryKey: ['staff', 'team', search],
    queryFn: ({ signal }) => api.staff({ search: search || undefined, limit: 20, scope: 'team' }, signal).then((r) => r.items),
    enabled: search !== null,
  });
  // One row per person and unit (a person with two roles at one unit can come back twice), minus those already in the team.
  const candidates = [...new Map((staff.data ?? []).map((s) => [rowKey(s), s])).values()].filter(
    (s) => !members.some((m) => m.staffId === s.id && m.unitId === s.unitId),
  );
  const chosen: StaffCandidate | undefined = candidates.find((s) => rowKey(s) === selected);

  const add = useMutation({
    mutationFn: (body: AddTeamMemberRequest) => api.addTeamMember(childId, body),
    onSuccess: async () => {
      setAdded(chosen?.name ?? '');
      setSelected(null);
      setShowErrors(false);
      requestAnimationFrame(() => addedRef.current?.focus());
      await queryClient.invalidateQueries({ queryKey: teamQueryKey(childId) });
    },
  });

  const runSearch = () => {
    setSelected(null);
    add.reset();
    setSearch(draft.trim());
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setShowErrors(true);
    setAdded(null);
    if (!chosen) return groupRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
    add.mutate({ staffId: chosen.id, unitId: chosen.unitId });
  };

  const missing = isApiError(add.error) && add.error.code === 'consent_missing' ? add.error : null;
  const consentMissing = missing !== null;
  const agencyType = typeof missing?.details?.agencyType === 'string' ? missing.details.agencyType : chosen?.agencyType;

  return (
    <Details className='add-team-member'>
      <Details.Summary>{t('team.add')}</Details.Summary>
      <Details.Content>
        <form className='stack-sm' onSubmit={submit} noValidate>
          <Paragraph>{t('team.addIntro')}</Paragraph>
          <div className='search-form'>
            <Textfield
              className='search-form__field'
              label={t('team.searchLabel')}
              description={t('team.searchDescription')}
              type='search'
              autoComplete='off'
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                // The search lives inside the add form: Enter searches instead of submitting.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  runSearch();
                }
              }}
            />
            <div className='search-form__buttons'>
              <Button variant='secondary' onClick={runSearch}>
                {t('team.searchButton')}
              </Button>
            </div>
          </div>
          {search === null && <Paragraph data-size='sm'>{t('team.searchHint')}</Paragraph>}
          {staff.isFetching && <Loading />}
          {staff.isError && <ErrorAlert error={staff.error} headingLevel={3} />}
          {staff.isSuccess && candidates.length === 0 && (
            <Paragraph role='status'>{staff.data.length > 0 ? t('team.searchAllInTeam') : t('team.searchNone')}</Paragraph>
          )}
          {staff.isSuccess && candidates.length > 0 && (
            <Fieldset ref={groupRef} className='staff-options'>
              <Fieldset.Legend>{t('team.pickLegend')}</Fieldset.Legend>
              {candidates.map((s) => (
                <Radio
                  key={rowKey(s)}
                  name='teamCandidate'
                  value={rowKey(s)}
                  label={s.name}
                  description={[s.title ?? localized(s.roleTitle, language), s.unitName, labels.agency(s.agencyType)].filter(Boolean).join(', ')}
                  checked={selected === rowKey(s)}
                  onChange={() => {
                    setSelected(rowKey(s));
                    add.reset();
                  }}
                />
              ))}
              {showErrors && !chosen && <ValidationMessage>{t('team.pickRequired')}</ValidationMessage>}
            </Fieldset>
          )}
          {consentMissing ? (
            <Alert data-color='warning' role='alert'>
              <Heading level={3} data-size='xs'>
                {t('team.consentMissingHeading')}
              </Heading>
              <Paragraph>
                {chosen
                  ? t('team.consentMissing', { name: chosen.name, unit: chosen.unitName, agency: labels.agency(agencyType) })
                  : add.error?.message}
              </Paragraph>
              <Paragraph data-size='sm'>{t('team.consentMissingHint')}</Paragraph>
            </Alert>
          ) : (
            add.isError && <ErrorAlert error={add.error} headingLevel={3} />
          )}
          {added !== null && (
            <Alert data-color='success' ref={addedRef} tabIndex={-1} role='status'>
              <Paragraph>{t('team.added', { name: added })}</Paragraph>
            </Alert>
          )}
          <div>
            <Button type='submit' loading={add.isPending} aria-disabled={add.isPending || undefined}>
              {add.isPending ? t('team.adding') : t('team.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

export function Team({ childId, namedPerson = null }: { childId: string; namedPerson?: NamedPersonDetail | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const team = useTeam(childId);
  const [removed, setRemoved] = useState<string | null>(null);
  const removedRef = useRef<HTMLDivElement>(null);
  const remove = useMutation({
    mutationFn: (member: TeamMember) => api.removeTeamMember(childId, member.id),
    onSuccess: async (_, member) => {
      setRemoved(member.name);
      requestAnimationFrame(() => removedRef.current?.focus());
      await queryClient.invalidateQueries({ queryKey: teamQueryKey(childId) });
    },
  });
  const members = team.data ?? [];
  const lead = useLeadProfessional(childId).data?.current ?? null;

  return (
    <section aria-labelledby='team-heading' className='stack-sm'>
      <Heading level={2} data-size='sm' id='team-heading'>
        {t('team.heading')}
      </Heading>
      <Paragraph>{t('team.intro')}</Paragraph>
      <LeadProfessionalPanel childId={childId} namedPerson={namedPerson} headingId='lead-professional-heading' />
      {team.isPending && <Loading />}
      {team.isError && <ErrorAlert error={team.error} headingLevel={3} onRetry={() => void team.refetch()} />}
      {team.isSuccess && members.length === 0 && <Paragraph>{t('team.none')}</Paragraph>}
      {team.isSuccess && members.length > 0 && (
        <div className='table-scroll'>
          <Table border>
            <caption className='ds-sr-only'>{t('team.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t('team.name')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('team.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('team.agency')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('team.covered')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>
                  <span className='ds-sr-only'>{t('team.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>
                    {m.name}
                    {lead && lead.staffId === m.staffId && lead.unitId === m.unitId && (
                      <>
                        {' '}
                        <Tag data-color='accent' data-size='sm' className='inline-tag'>
                          {t('lead.heading')}
                        </Tag>
                      </>
                    )}
                    {m.title && <span className='secondary-text'>{m.title}</span>}
                  </Table.Cell>
                  <Table.Cell>{m.unitName}</Table.Cell>
                  <Table.Cell>{labels.agency(m.agencyType)}</Table.Cell>
                  <Table.Cell>
                    {m.covered ? (
                      <Tag data-color='success' data-size='sm'>
                        {t('team.coveredYes')}
                      </Tag>
                    ) : (
                      <Tag data-color='warning' data-size='sm' variant='outline'>
                        {t('team.coveredNo')}
                      </Tag>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      variant='tertiary'
                      data-size='sm'
                      aria-label={t('team.removeLabel', { name: m.name, unit: m.unitName })}
                      loading={remove.isPending && remove.variables?.id === m.id}
                      onClick={() => {
                        setRemoved(null);
                        remove.mutate(m);
                      }}
                    >
                      {t('team.remove')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {members.some((m) => !m.covered) && <Paragraph data-size='sm'>{t('team.notCoveredInfo')}</Paragraph>}
      {remove.isError && <ErrorAlert error={remove.error} headingLevel={3} />}
      {removed !== null && (
        <Alert data-color='success' ref={removedRef} tabIndex={-1} role='status'>
          <Paragraph>{t('team.removed', { name: removed })}</Paragraph>
        </Alert>
      )}
      <AddTeamMember childId={childId} members={members} />
    </section>
  );
}
