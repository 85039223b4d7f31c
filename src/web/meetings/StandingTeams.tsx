/**
 * My standing teams (HLT group, child teams …): fixed times in words, place,
 * next meeting, members. Other teams of the municipality folded away. Those
 * who may host a team create one here; those who manage a team add and remove
 * members; members plan the next meetings of the fixed time.
 */
import { Alert, Button, Details, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { localized, todayIso } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { CreateStandingTeam } from './CreateStandingTeam.tsx';
import { meetingDay } from './format.ts';
import { useFocusWhenShown, useMeetingWords } from './MeetingBits.tsx';
import { useStandingTeams, useStandingTeamTypes } from './queries.ts';
import { ScheduleMeetings } from './ScheduleMeetings.tsx';
import { TeamMembers } from './TeamMembers.tsx';
import type { StandingTeam } from './types.ts';

/** The next meeting's local date, from its UTC instant in the team's time zone. */
function localDateIn(instant: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
  } catch {
    return instant.slice(0, 10);
  }
}

function TeamCard({ team, headingLevel, myId, justCreated = false }: { team: StandingTeam; headingLevel: 3 | 4; myId: string | null; justCreated?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const words = useMeetingWords();
  const createdRef = useFocusWhenShown<HTMLDivElement>(justCreated);
  const typeName = localized(team.teamTypeName, language);
  const member = team.members.some((m) => m.staffId === myId);
  return (
    <article className='standing-team-card stack-sm' data-team={team.id} aria-labelledby={`team-${team.id}`}>
      <Heading level={headingLevel} data-size='xs' id={`team-${team.id}`}>
        {team.name}
      </Heading>
      {justCreated && (
        <Alert data-color='success' ref={createdRef} tabIndex={-1} role='status'>
          <Paragraph>{t('meetings.teams.create.created', { name: team.name })}</Paragraph>
        </Alert>
      )}
      <dl className='facts facts--compact'>
        {typeName && typeName !== team.name && (
          <div>
            <dt>{t('meetings.teams.type')}</dt>
            <dd>{typeName}</dd>
          </div>
        )}
        <div>
          <dt>{t('meetings.teams.meets')}</dt>
          <dd className='standing-team-card__cadence'>{team.cadence ? words.cadence(team.cadence) : t('meetings.teams.noCadence')}</dd>
        </div>
        <div>
          <dt>{t('meetings.teams.place')}</dt>
          <dd>{team.location ?? t('meetings.noPlace')}</dd>
        </div>
        <div>
          <dt>{t('meetings.teams.next')}</dt>
          <dd>
            {team.nextMeeting ? (
              <DsLink asChild>
                <Link to={`/meetings/${team.nextMeeting.id}`}>{meetingDay(localDateIn(team.nextMeeting.startsAt, team.timeZone), language, todayIso())}</Link>
              </DsLink>
            ) : (
              t('meetings.teams.noNext')
            )}
          </dd>
        </div>
      </dl>
      {(member || team.canManage) && <ScheduleMeetings team={team} />}
      <TeamMembers team={team} headingLevel={(headingLevel + 1) as 4 | 5} />
    </article>
  );
}

export function StandingTeams({ myId }: { myId: string | null }) {
  const { t } = useTranslation();
  const teams = useStandingTeams();
  const types = useStandingTeamTypes();
  const [creating, setCreating] = useState(false);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const canCreate = (types.data ?? []).some((m) => m.hostUnits.length > 0 && m.teamTypes.length > 0);
  const all = teams.data ?? [];
  // A team I just created stays in view even when I am not a member (a manager hosting it).
  const mine = all.filter((team) => team.id === createdId || team.members.some((m) => m.staffId === myId));
  const others = all.filter((team) => !mine.includes(team));
  return (
    <section aria-labelledby='standing-teams-heading' className='stack-sm'>
      <Heading level={2} data-size='md' id='standing-teams-heading'>
        {t('meetings.teams.heading')}
      </Heading>
      <Paragraph>{t('meetings.teams.intro')}</Paragraph>
      {canCreate &&
        (creating ? (
          <CreateStandingTeam
            options={types.data ?? []}
            onCreated={(team) => {
              setCreating(false);
              setCreatedId(team.id);
            }}
            onCancel={() => {
              setCreating(false);
              requestAnimationFrame(() => createButton.current?.focus());
            }}
          />
        ) : (
          <div>
            <Button ref={createButton} variant='secondary' className='big-button' onClick={() => {
              setCreatedId(null);
              setCreating(true);
            }}>
              {t('meetings.teams.create.open')}
            </Button>
          </div>
        ))}
      {teams.isPending && <Loading />}
      {teams.isError && <ErrorAlert error={teams.error} headingLevel={3} onRetry={() => void teams.refetch()} />}
      {teams.isSuccess && mine.length === 0 && <Paragraph>{t('meetings.teams.none')}</Paragraph>}
      {mine.length > 0 && (
        <div className='card-list'>
          {mine.map((team) => (
            <TeamCard key={team.id} team={team} headingLevel={3} myId={myId} justCreated={team.id === createdId} />
          ))}
        </div>
      )}
      {others.length > 0 && (
        <Details>
          <Details.Summary>{t('meetings.teams.others', { count: others.length })}</Details.Summary>
          <Details.Content>
            <div className='card-list'>
              {others.map((team) => (
                <TeamCard key={team.id} team={team} headingLevel={3} myId={myId} />
              ))}
            </div>
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
