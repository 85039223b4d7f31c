/**
 * Who of the professionals came: the standing team's members (for a child's
 * own meeting, the child's team), and anyone already recorded. Saving replaces
 * the professionals' attendance with what is chosen here.
 */
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { Loading } from '../components/Status.tsx';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown } from './MeetingBits.tsx';
import { PresencePicker } from './PresencePicker.tsx';
import { useChildTeamForMeeting, useMeetingChanged, useStandingTeams } from './queries.ts';
import type { MeetingDetail, Presence } from './types.ts';

type Person = { staffId: string; name: string; detail: string | null };

/** The people to ask about, once each: members first, then anyone else already recorded. */
function useParticipants(meeting: MeetingDetail): { people: Person[]; pending: boolean } {
  const teams = useStandingTeams(meeting.kind === 'standing_team');
  const childId = meeting.kind === 'child' ? (meeting.agenda.find((i) => i.child)?.child?.id ?? null) : null;
  const childTeam = useChildTeamForMeeting(childId);
  const team = teams.data?.find((x) => x.id === meeting.standingTeam?.id);
  const people = new Map<string, Person>();
  for (const m of team?.members ?? []) people.set(m.staffId, { staffId: m.staffId, name: m.name, detail: m.unitName });
  for (const m of childTeam.data ?? []) if (!people.has(m.staffId)) people.set(m.staffId, { staffId: m.staffId, name: m.name, detail: m.unitName });
  for (const a of meeting.attendance) if (!people.has(a.staffId)) people.set(a.staffId, { staffId: a.staffId, name: a.name, detail: a.unitName });
  return { people: [...people.values()], pending: (meeting.kind === 'standing_team' && teams.isPending) || (childId !== null && childTeam.isPending) };
}

export function ProfessionalAttendance({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  const { people, pending } = useParticipants(meeting);
  const [choices, setChoices] = useState<Record<string, Presence>>(() =>
    Object.fromEntries(meeting.attendance.map((a) => [a.staffId, a.present])),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const savedRef = useFocusWhenShown<HTMLDivElement>(saved);

  const save = useMutation({
    mutationFn: (professionals: { staffId: string; present: Presence }[]) => meetingsApi.recordAttendance(meeting.id, { professionals }),
    onSuccess: async () => {
      setSaved(true);
      await changed();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setAttempt((n) => n + 1);
    setSaved(false);
    const chosen = people.flatMap((p) => (choices[p.staffId] ? [{ staffId: p.staffId, present: choices[p.staffId]! }] : []));
    if (chosen.length === 0) {
      setProblems([{ target: 'professional-attendance', message: t('meetings.attendance.noneChosen') }]);
      return;
    }
    setProblems([]);
    save.mutate(chosen);
  };

  return (
    <section aria-labelledby='attendance-heading' className='stack-sm meeting-attendance'>
      <Heading level={2} data-size='md' id='attendance-heading'>
        {t('meetings.attendance.heading')}
      </Heading>
      <Paragraph>{t('meetings.attendance.intro')}</Paragraph>
      {pending && <Loading />}
      <FormErrorSummary key={attempt} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
      {problems.length === 0 && <ApiErrorSummary error={save.error} attempt={attempt} heading={t('meetings.attendance.failed')} />}
      {saved && (
        <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status'>
          <Paragraph>{t('meetings.attendance.saved')}</Paragraph>
        </Alert>
      )}
      <form className='stack-sm' onSubmit={submit} noValidate>
        <div id='professional-attendance' className='presence-list'>
          {people.map((p) => (
            <PresencePicker
              key={p.staffId}
              name={`presence-${p.staffId}`}
              legend={p.detail ? t('meetings.attendance.person', { name: p.name, unit: p.detail }) : p.name}
              value={choices[p.staffId] ?? null}
              onChange={(value) => {
                setChoices((c) => ({ ...c, [p.staffId]: value }));
                setSaved(false);
              }}
            />
          ))}
        </div>
        {!pending && people.length === 0 && <Paragraph>{t('meetings.attendance.nobody')}</Paragraph>}
        <div>
          <Button type='submit' className='big-button' loading={save.isPending} aria-disabled={save.isPending || undefined}>
            {save.isPending ? t('meetings.saving') : t('meetings.attendance.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
