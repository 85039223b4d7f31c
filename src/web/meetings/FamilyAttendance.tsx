/** The family at a child's point: each guardian and the child – present, absent or excused. Saving replaces this point's family attendance. */
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type Problem } from '../components/FormErrorSummary.tsx';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { meetingsApi } from './api.ts';
import { ApiErrorSummary, useFocusWhenShown } from './MeetingBits.tsx';
import { PresencePicker } from './PresencePicker.tsx';
import { useChildForMeeting, useMeetingChanged } from './queries.ts';
import type { AgendaChild, AgendaItem, Presence } from './types.ts';

export function FamilyAttendance({ meetingId, item, child, childName }: { meetingId: string; item: AgendaItem; child: AgendaChild; childName: string }) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  const record = useChildForMeeting(child.id);
  const guardians = record.data?.guardians ?? [];
  const [choices, setChoices] = useState<Record<string, Presence>>(() =>
    Object.fromEntries(item.family.flatMap((f) => (f.kind === 'guardian' && f.guardianId ? [[f.guardianId, f.present]] : []))),
  );
  const [childPresence, setChildPresence] = useState<Presence | null>(() => item.family.find((f) => f.kind === 'child')?.present ?? null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const savedRef = useFocusWhenShown<HTMLDivElement>(saved);
  const groupId = `family-attendance-${item.id}`;

  const save = useMutation({
    mutationFn: (family: { guardians: { guardianId: string; present: Presence }[]; child: Presence | null }) =>
      meetingsApi.recordAttendance(meetingId, { family: [{ agendaItemId: item.id, ...family }] }),
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
    const chosen = guardians.flatMap((g) => (choices[g.id] ? [{ guardianId: g.id, present: choices[g.id]! }] : []));
    if (chosen.length === 0 && !childPresence) {
      setProblems([{ target: groupId, message: t('meetings.family.noneChosen') }]);
      return;
    }
    setProblems([]);
    save.mutate({ guardians: chosen, child: childPresence });
  };

  const guardianName = (g: (typeof guardians)[number], index: number) =>
    [g.givenName, g.familyName].filter(Boolean).join(' ') || t('meetings.family.guardianN', { n: index + 1 });

  return (
    <div className='stack-sm agenda-point__part'>
      <Heading level={4} data-size='xs'>
        {t('meetings.family.heading')}
      </Heading>
      {record.isPending && <Loading />}
      {record.isError && <ErrorAlert error={record.error} headingLevel={3} />}
      <FormErrorSummary key={attempt} level={3} problems={problems} heading={t('meetings.errors.summaryHeading')} />
      {problems.length === 0 && <ApiErrorSummary error={save.error} attempt={attempt} heading={t('meetings.attendance.failed')} />}
      {saved && (
        <Alert data-color='success' ref={savedRef} tabIndex={-1} role='status'>
          <Paragraph>{t('meetings.family.saved', { name: childName })}</Paragraph>
        </Alert>
      )}
      {record.isSuccess && (
        <form className='stack-sm' onSubmit={submit} noValidate aria-label={t('meetings.family.formLabel', { name: childName })}>
          <div id={groupId} className='presence-list'>
            {guardians.map((g, i) => (
              <PresencePicker
                key={g.id}
                name={`presence-${item.id}-${g.id}`}
                legend={t('meetings.family.guardian', { name: guardianName(g, i) })}
                description={g.custody ? undefined : t('meetings.family.noCustody')}
                value={choices[g.id] ?? null}
                onChange={(value) => {
                  setChoices((c) => ({ ...c, [g.id]: value }));
                  setSaved(false);
                }}
              />
            ))}
            <PresencePicker
              name={`presence-${item.id}-child`}
              legend={t('meetings.family.child', { name: childName })}
              value={childPresence}
              onChange={(value) => {
                setChildPresence(value);
                setSaved(false);
              }}
            />
          </div>
          <div>
            <Button type='submit' variant='secondary' className='big-button' loading={save.isPending} aria-disabled={save.isPending || undefined}>
              {save.isPending ? t('meetings.saving') : t('meetings.family.save')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
