/** Standing teams, meetings, agendas, minutes and the iCalendar feed. Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.ts';
import {
  addAgendaItem,
  cancelMeeting,
  addStandingTeamMember,
  createCalendarFeed,
  createChildMeeting,
  createStandingTeam,
  getMeeting,
  inviteFamily,
  listChildMinutes,
  listMeetings,
  listStandingTeams,
  listStandingTeamTypes,
  recordAttendance,
  removeStandingTeamMember,
  renderCalendarFeed,
  revokeCalendarFeed,
  scheduleMeetings,
  writeMinutes,
} from '../../services/meetings.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import {
  AddAgendaItemBody,
  AddStandingTeamMemberBody,
  AgendaItemCreatedView,
  AgendaItemParams,
  AttendanceView,
  CalendarFeedParams,
  CalendarText,
  CancelMeetingBody,
  CalendarFeedView,
  ChildMeetingView,
  CreateChildMeetingBody,
  CreateStandingTeamBody,
  FamilyInvitationView,
  InviteFamilyBody,
  ListMeetingsQuery,
  MeetingDetailView,
  MeetingSummaryView,
  MeetingListResponse,
  MinutesListResponse,
  MinutesView,
  RecordAttendanceBody,
  RevokeCalendarFeedResponse,
  ScheduledMeetingsResponse,
  ScheduleMeetingsBody,
  StandingTeamListResponse,
  StandingTeamMemberParams,
  StandingTeamTypesResponse,
  StandingTeamView,
  WriteMinutesBody,
} from './meetings.schema.ts';

/** The signed-in API. */
async function memberRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.post(
    '/api/standing-teams',
    {
      schema: {
        tags: ['meetings'],
        summary: "Create a standing team of a team type of the municipality's model profile; the cadence defaults from the profile",
        body: CreateStandingTeamBody,
        response: { 201: StandingTeamView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createStandingTeam({ db: db(), actor: actorOf(request), input: request.body })),
  );

  r.get(
    '/api/standing-teams',
    { schema: { tags: ['meetings'], summary: 'Standing teams of your municipalities, with members and the next meeting', response: { 200: StandingTeamListResponse, ...errorResponses } } },
    async (request) => listStandingTeams({ db: db(), actor: actorOf(request) }),
  );

  r.get(
    '/api/standing-teams/types',
    {
      schema: {
        tags: ['meetings'],
        summary: "Per municipality of yours: the model profile's team types with their default fixed slot, and your units where you may host a standing team",
        response: { 200: StandingTeamTypesResponse, ...errorResponses },
      },
    },
    async (request) => listStandingTeamTypes({ db: db(), actor: actorOf(request) }),
  );

  r.post(
    '/api/standing-teams/:id/members',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Add a professional (who works with children at the unit they represent) to a standing team',
        params: IdParams,
        body: AddStandingTeamMemberBody,
        response: { 201: StandingTeamView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addStandingTeamMember({ db: db(), actor: actorOf(request), teamId: request.params.id, ...request.body })),
  );

  r.delete(
    '/api/standing-teams/:id/members/:memberId',
    {
      schema: { tags: ['meetings'], summary: 'Remove a member from a standing team', params: StandingTeamMemberParams, response: { 200: StandingTeamView, ...errorResponses } },
    },
    async (request) => removeStandingTeamMember({ db: db(), actor: actorOf(request), teamId: request.params.id, memberId: request.params.memberId }),
  );

  r.post(
    '/api/standing-teams/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: "Schedule the next slots of the team's cadence (local time, across daylight-saving changes), or one meeting at a date and time",
        params: IdParams,
        body: ScheduleMeetingsBody,
        response: { 201: ScheduledMeetingsResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await scheduleMeetings({ db: db(), actor: actorOf(request), teamId: request.params.id, input: request.body })),
  );

  r.post(
    '/api/children/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: "A child's own team meeting (named person, staff where the child is enrolled, or the lead professional); needs an active consent for a team meeting",
        params: IdParams,
        body: CreateChildMeetingBody,
        response: { 201: ChildMeetingView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createChildMeeting({ db: db(), actor: actorOf(request), childId: request.params.id, input: request.body })),
  );

  r.get(
    '/api/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Your meetings in a window of dates: titles, times, number of agenda points – no child names',
        querystring: ListMeetingsQuery,
        response: { 200: MeetingListResponse, ...errorResponses },
      },
    },
    async (request) => listMeetings({ db: db(), actor: actorOf(request), ...request.query }),
  );

  r.get(
    '/api/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'One meeting: agenda (children named only for those who may read them), attendance, and the minutes you may read',
        params: IdParams,
        response: { 200: MeetingDetailView, ...errorResponses },
      },
    },
    async (request) => getMeeting({ db: db(), actor: actorOf(request), meetingId: request.params.id }),
  );

  r.post(
    '/api/meetings/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: "Put a child (active consent for a team meeting covering every member; 422 consent_missing names who is not covered) or a de-identified consultation on the agenda",
        params: IdParams,
        body: AddAgendaItemBody,
        response: { 201: AgendaItemCreatedView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { childId, consultationId } = request.body;
      const input = childId ? { childId } : { consultationId: consultationId! };
      return reply.status(201).send(await addAgendaItem({ db: db(), actor: actorOf(request), meetingId: request.params.id, input }));
    },
  );

  r.post(
    '/api/meetings/:id/agenda/:itemId/invite-family',
    {
      schema: {
        tags: ['meetings'],
        summary: "Record that the guardians (and the child, when old enough) were invited to the child's point; nothing is sent",
        params: AgendaItemParams,
        body: InviteFamilyBody,
        response: { 201: FamilyInvitationView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await inviteFamily({ db: db(), actor: actorOf(request), meetingId: request.params.id, itemId: request.params.itemId, message: request.body.message }),
      ),
  );

  r.post(
    '/api/meetings/:id/cancel',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Cancel a meeting that has not ended, with a reason: those who manage the standing team (or, for a child’s meeting, the child’s team)',
        params: IdParams,
        body: CancelMeetingBody,
        response: { 200: MeetingSummaryView, ...errorResponses },
      },
    },
    async (request) => cancelMeeting({ db: db(), actor: actorOf(request), meetingId: request.params.id, reason: request.body.reason }),
  );

  r.put(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags: ['meetings'],
        summary: "Record attendance: professionals present/absent/excused; per child's point the guardians and the child",
        params: IdParams,
        body: RecordAttendanceBody,
        response: { 200: AttendanceView, ...errorResponses },
      },
    },
    async (request) => recordAttendance({ db: db(), actor: actorOf(request), meetingId: request.params.id, input: request.body }),
  );

  r.post(
    '/api/meetings/:id/agenda/:itemId/minutes',
    {
      schema: {
        tags: ['meetings'],
        summary: "Write the minutes and decisions for a child's point: a record of category `meeting` owned by your unit",
        params: AgendaItemParams,
        body: WriteMinutesBody,
        response: { 201: MinutesView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await writeMinutes({ db: db(), actor: actorOf(request), meetingId: request.params.id, itemId: request.params.itemId, input: request.body }),
      ),
  );

  r.get(
    '/api/children/:id/minutes',
    {
      schema: {
        tags: ['meetings'],
        summary: "The child's meeting minutes you may read (scoped by the access rules)",
        params: IdParams,
        response: { 200: MinutesListResponse, ...errorResponses },
      },
    },
    async (request) => listChildMinutes({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );

  r.post(
    '/api/calendar/feed',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Create (or replace) your private iCalendar feed; the address is shown once',
        response: { 201: CalendarFeedView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const feed = await createCalendarFeed({ db: db(), actor: actorOf(request) });
      return reply.status(201).send({ ...feed, url: `${request.protocol}://${request.host}${feed.path}` });
    },
  );

  r.delete(
    '/api/calendar/feed',
    { schema: { tags: ['meetings'], summary: 'Stop your iCalendar feed: its address stops working at once', response: { 200: RevokeCalendarFeedResponse, ...errorResponses } } },
    async (request) => revokeCalendarFeed({ db: db(), actor: actorOf(request) }),
  );
}

/** The feed itself: the token in the address is the credential (calendar clients send no cookie). */
async function feedRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/calendar/:token.ics',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Your meetings as iCalendar (text/calendar): titles, times in UTC, places – never child data; 404 for an unknown token',
        params: CalendarFeedParams,
        response: { 200: CalendarText, ...errorResponses },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      // The token is a secret: keep the request line (which holds it) out of the info-level request log.
      logLevel: 'warn',
    },
    async (request, reply) => {
      const text = await renderCalendarFeed({ db: app.database.db, token: request.params.token });
      if (text === null) throw new AppError('not_found');
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="samsyn.ics"')
        .type('text/calendar; charset=utf-8')
        .send(text);
    },
  );
}

export async function meetingsRoutes(app: FastifyInstance) {
  await app.register(feedRoutes);
  await app.register(memberRoutes);
}
