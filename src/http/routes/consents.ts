/** Consents, the team around the child, and notes. Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listConsents, recordConsent, withdrawConsent } from '../../services/consents.ts';
import { addTeamMember, createNote, getNote, listNotes, listTeam, removeTeamMember } from '../../services/records.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import {
  AddTeamMemberBody,
  ConsentListResponse,
  CreatedResponse,
  CreateNoteBody,
  NoteListResponse,
  NoteView,
  RecordConsentBody,
  RemoveTeamMemberResponse,
  TeamListResponse,
  TeamMemberParams,
  WithdrawConsentBody,
  WithdrawConsentResponse,
} from './consents.schema.ts';

export async function consentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.post(
    '/api/children/:id/consents',
    {
      schema: {
        tags: ['consent'],
        summary: 'Record a consent: every guardian with custody, the child’s view, recipients, categories, purposes, period',
        params: IdParams,
        body: RecordConsentBody,
        response: { 201: CreatedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConsent({ db: db(), actor: actorOf(request), childId: request.params.id, input: request.body })),
  );

  r.get(
    '/api/children/:id/consents',
    { schema: { tags: ['consent'], summary: 'The child’s consents with their state now, newest first', params: IdParams, response: { 200: ConsentListResponse, ...errorResponses } } },
    async (request) => listConsents({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );

  r.post(
    '/api/consents/:id/withdraw',
    {
      schema: {
        tags: ['consent'],
        summary: 'Withdraw a consent (by one guardian, the child, or a recorded decision); sharing stops on the next request',
        params: IdParams,
        body: WithdrawConsentBody,
        response: { 200: WithdrawConsentResponse, ...errorResponses },
      },
    },
    async (request) => withdrawConsent({ db: db(), actor: actorOf(request), consentId: request.params.id, input: request.body }),
  );

  r.get(
    '/api/children/:id/team',
    { schema: { tags: ['team'], summary: 'The team around the child', params: IdParams, response: { 200: TeamListResponse, ...errorResponses } } },
    async (request) => listTeam({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );

  r.post(
    '/api/children/:id/team',
    {
      schema: {
        tags: ['team'],
        summary: 'Add a professional to the team; refused with consent_missing unless an active consent covers their unit or agency',
        params: IdParams,
        body: AddTeamMemberBody,
        response: { 201: CreatedResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTeamMember({ db: db(), actor: actorOf(request), childId: request.params.id, ...request.body })),
  );

  r.delete(
    '/api/children/:id/team/:memberId',
    { schema: { tags: ['team'], summary: 'Remove a team member', params: TeamMemberParams, response: { 200: RemoveTeamMemberResponse, ...errorResponses } } },
    async (request) => removeTeamMember({ db: db(), actor: actorOf(request), childId: request.params.id, memberId: request.params.memberId }),
  );

  r.post(
    '/api/children/:id/notes',
    {
      schema: { tags: ['records'], summary: 'Write a note owned by one of your units', params: IdParams, body: CreateNoteBody, response: { 201: CreatedResponse, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await createNote({ db: db(), actor: actorOf(request), childId: request.params.id, input: request.body })),
  );

  r.get(
    '/api/children/:id/notes',
    { schema: { tags: ['records'], summary: 'The notes on the child that you may read', params: IdParams, response: { 200: NoteListResponse, ...errorResponses } } },
    async (request) => listNotes({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );

  r.get(
    '/api/notes/:id',
    { schema: { tags: ['records'], summary: 'One note, if you may read it (404 otherwise)', params: IdParams, response: { 200: NoteView, ...errorResponses } } },
    async (request) => getNote({ db: db(), actor: actorOf(request), noteId: request.params.id }),
  );
}
