/**
 * The lead professional (stödsamordnare): who it is, prominently, with the
 * history of appointments on demand, and "Utse stödsamordnare" – pick the
 * named person or a team member whose agency an active consent still covers.
 * The form shows only to those the API says may appoint; its refusals are shown in an error summary.
 */
import { Alert, Button, Card, Details, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api.ts';
import type { AppointLeadProfessionalRequest, LeadProfessional, NamedPersonDetail } from '../api-types.ts';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, errorMessage, Loading } from '../components/Status.tsx';
import { useTeam } from '../child/queries.ts';
import { formatDate, telHref } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useLabels } from '../labels.ts';
import { leadProfessionalQueryKey, useLeadProfessional } from './queries.ts';

type Candidate = { key: string; staffId: string; unitId: string; name: string; detail: string; isNamedPerson: boolean };

export function LeadProfessionalPanel({
  childId,
  namedPerson,
  headingId,
  headingLevel = 3,
}: {
  childId: string;
  namedPerson: NamedPersonDetail | null;
  headingId: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labels = useLabels();
  const lead = useLeadProfessional(childId);
  const current = lead.data?.current ?? null;
  const history = lead.data?.history ?? [];

  return (
    <div className='stack-sm lead-professional' data-testid='lead-professional'>
      <Card data-color='accent' variant='tinted' className='lead-professional-card'>
        <Heading level={headingLevel} data-size='sm' id={headingId}>
          {t('lead.heading')}
        </Heading>
        {lead.isPending && <Loading />}
        {lead.isError &&
          (isApiError(lead.error, 404) ? <Paragraph>{t('lead.notVisible')}</Paragraph> : <ErrorAlert error={lead.error} headingLevel={3} onRetry={() => void lead.refetch()} />)}
        {lead.isSuccess &&
          (current ? (
            <div className='stack-sm'>
              <Paragraph data-size='lg' className='lead-professional-card__name'>
                <strong>{current.name}</strong>
              </Paragraph>
              <dl className='facts facts--compact'>
                {current.title && (
                  <div>
                    <dt>{t('namedPerson.title')}</dt>
                    <dd>{current.title}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('namedPerson.unit')}</dt>
                  <dd>
                    {current.unitName} ({labels.agency(current.agencyType)})
                  </dd>
                </div>
                <div>
                  <dt>{t('namedPerson.phone')}</dt>
                  <dd>{current.phone ? <DsLink href={telHref(current.phone)}>{current.phone}</DsLink> : t('common.notGiven')}</dd>
                </div>
                {current.email && (
                  <div>
                    <dt>{t('namedPerson.email')}</dt>
                    <dd>
                      <DsLink href={`mailto:${current.email}`}>{current.email}</DsLink>
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t('namedPerson.since')}</dt>
                  <dd>{formatDate(current.since, language)}</dd>
                </div>
              </dl>
            </div>
          ) : (
            <div className='stack-sm'>
              <Paragraph data-size='lg'>
                <strong>{t('lead.none')}</strong>
              </Paragraph>
              <Paragraph>{t('lead.noneInfo')}</Paragraph>
            </div>
          ))}
      </Card>
      {history.length > 0 && (
        <Details className='lead-history'>
          <Details.Summary>{t('lead.historyShow', { count: history.length })}</Details.Summary>
          <Details.Content>
            <div className='table-scroll'>
              <Table border zebra data-size='sm'>
                <caption className='ds-sr-only'>{t('lead.historyCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope='col'>{t('history.from')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('history.to')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('history.person')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('lead.appointedBy')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('history.note')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {history.map((h) => (
                    <Table.Row key={`${h.staffId}-${h.since}`}>
                      <Table.Cell className='nowrap'>{formatDate(h.since, language)}</Table.Cell>
                      <Table.Cell className='nowrap'>{h.until ? formatDate(h.until, language) : t('history.ongoing')}</Table.Cell>
                      <Table.Cell>
                        {h.name}
                        <span className='secondary-text'>
                          {h.unitName}, {labels.agency(h.agencyType)}
                        </span>
                      </Table.Cell>
                      <Table.Cell>{h.appointedBy}</Table.Cell>
                      <Table.Cell className='note-cell'>{h.reason ?? '–'}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </Details.Content>
        </Details>
      )}
      {lead.isSuccess && lead.data.canAppoint && <AppointLeadProfessional childId={childId} namedPerson={namedPerson} current={current} />}
    </div>
  );
}

/** The named person's units, for appointing them: the API's named-person view has the name and staff id but no unit id. */
function useNamedPersonUnits(namedPerson: NamedPersonDetail | null, enabled: boolean) {
  const name = namedPerson?.status === 'assigned' ? (namedPerson.name ?? '') : '';
  const staffId = namedPerson?.staffId ?? '';
  return useQuery({
    queryKey: ['staff', 'team', name, 'named-person', staffId],
    queryFn: ({ signal }) => api.staff({ search: name, scope: 'team', limit: 50 }, signal).then((r) => r.items.filter((s) => s.id === staffId)),
    enabled: enabled && name !== '' && staffId !== '',
    staleTime: 5 * 60_000,
  });
}

function AppointLeadProfessional({ childId, namedPerson, current }: { childId: string; namedPerson: NamedPersonDetail | null; current: LeadProfessional | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const team = useTeam(childId);
  const npUnits = useNamedPersonUnits(namedPerson, open);
  const [selected, setSelected] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const groupId = `${uid}-candidates`;

  const npRole = t('lead.namedPersonRole');
  const candidates: Candidate[] = [];
  for (const s of npUnits.data ?? []) {
    candidates.push({ key: `${s.id}:${s.unitId}`, staffId: s.id, unitId: s.unitId, name: s.name, detail: `${npRole} · ${s.unitName}, ${labels.agency(s.agencyType)}`, isNamedPerson: true });
  }
  for (const m of team.data ?? []) {
    if (!m.covered || candidates.some((c) => c.key === `${m.staffId}:${m.unitId}`)) continue;
    candidates.push({ key: `${m.staffId}:${m.unitId}`, staffId: m.staffId, unitId: m.unitId, name: m.name, detail: `${t('lead.teamMemberRole')} · ${m.unitName}, ${labels.agency(m.agencyType)}`, isNamedPerson: false });
  }
  const available = candidates.filter((c) => !(current && c.staffId === current.staffId && c.unitId === current.unitId));
  const notCovered = (team.data ?? []).filter((m) => !m.covered);
  const chosen = available.find((c) => c.key === selected);

  const appoint = useMutation({
    mutationFn: (body: AppointLeadProfessionalRequest) => api.appointLeadProfessional(childId, body),
    onSuccess: async (lead) => {
      setSaved(lead.name);
      setSelected(null);
      setReason('');
      setProblems([]);
      requestAnimationFrame(() => savedRef.current?.focus());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: leadProfessionalQueryKey(childId) }),
        queryClient.invalidateQueries({ queryKey: ['child', childId, 'plans'] }),
        queryClient.invalidateQueries({ queryKey: ['plans'] }),
      ]);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (appoint.isPending) return;
    setSaved(null);
    setAttempt((n) => n + 1);
    appoint.reset();
    if (!chosen) {
      setProblems([{ target: groupId, message: t('lead.pickRequired') }]);
      return;
    }
    setProblems([]);
    appoint.mutate({ staffId: chosen.staffId, unitId: chosen.unitId, reason: reason.trim() || null });
  };

  const apiProblems: Problem[] = appoint.isError ? [{ target: '', message: errorMessage(appoint.error, t('common.errorHeading')) }] : [];
  const loading = team.isPending || (npUnits.isFetching && !npUnits.data);

  return (
    <Details className='appoint-lead' onToggle={(e) => setOpen(Boolean((e.target as HTMLDetailsElement | null)?.open))}>
      <Details.Summary>{current ? t('lead.change') : t('lead.appoint')}</Details.Summary>
      <Details.Content>
        <form className='stack-sm' onSubmit={submit} noValidate>
          <Paragraph>{t('lead.appointIntro')}</Paragraph>
          <FormErrorSummary
            key={attempt}
            level={3}
            problems={problems.length > 0 ? problems : apiProblems}
            heading={problems.length > 0 ? t('lead.errorsHeading') : t('lead.apiErrorHeading')}
          />
          {loading && <Loading />}
          {team.isError && <ErrorAlert error={team.error} headingLevel={3} />}
          {!loading && available.length === 0 && <Paragraph role='status'>{t('lead.noCandidates')}</Paragraph>}
          {available.length > 0 && (
            <Fieldset id={groupId} className='staff-options'>
              <Fieldset.Legend>{t('lead.pickLegend')}</Fieldset.Legend>
              {available.map((c) => (
                <Radio
                  key={c.key}
                  name={`${uid}-lead`}
                  value={c.key}
                  label={c.name}
                  description={c.detail}
                  checked={selected === c.key}
                  onChange={() => {
                    setSelected(c.key);
                    appoint.reset();
                  }}
                />
              ))}
            </Fieldset>
          )}
          {notCovered.length > 0 && (
            <Paragraph data-size='sm'>{t('lead.notCovered', { names: notCovered.map((m) => m.name).join(', ') })}</Paragraph>
          )}
          <Textfield
            multiline
            rows={2}
            label={t('lead.reasonLabel')}
            description={t('lead.reasonDescription')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          {saved !== null && (
            <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status'>
              <Paragraph>{t('lead.saved', { name: saved })}</Paragraph>
            </Alert>
          )}
          <div>
            <Button type='submit' loading={appoint.isPending} aria-disabled={appoint.isPending || undefined} className='big-button'>
              {appoint.isPending ? t('lead.saving') : t('lead.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
