/** The audit trail: verify, search, systematic review, and the family's access extract. Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  getAccessExtract,
  getReviewQueue,
  reviewAuditEvent,
  searchAuditEvents,
  verifyAuditTrail,
} from '../../services/audit-review.ts';
import { actorOf, requireActor } from '../context.ts';
import {
  AccessExtractQuery,
  AccessExtractResponse,
  AuditSearchQuery,
  AuditSearchResponse,
  ReviewEventBody,
  ReviewQueueQuery,
  ReviewQueueResponse,
  ReviewResponse,
  SeqParams,
  VerifyResponse,
} from './audit.schema.ts';
import { errorResponses, IdParams } from './common.schema.ts';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain of the whole audit trail (log reviewers, administrators); audited',
        response: { 200: VerifyResponse, ...errorResponses },
      },
    },
    async (request) => verifyAuditTrail({ db: db(), actor: actorOf(request) }),
  );

  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first (log reviewers): who, what, when, which child – never record content; audited',
        querystring: AuditSearchQuery,
        response: { 200: AuditSearchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { actor: actorId, ...filters } = request.query;
      return searchAuditEvents({ db: db(), actor: actorOf(request), filters: { ...filters, actorId } });
    },
  );

  r.get(
    '/api/audit/review-queue',
    {
      schema: {
        tags: ['audit'],
        summary: 'Systematic review: flagged events (denials on a child, emergency access) and a random sample of the last 30 days',
        querystring: ReviewQueueQuery,
        response: { 200: ReviewQueueResponse, ...errorResponses },
      },
    },
    async (request) => getReviewQueue({ db: db(), actor: actorOf(request), sample: request.query.sample }),
  );

  r.post(
    '/api/audit/events/:seq/review',
    {
      schema: {
        tags: ['audit'],
        summary: 'Record the review of one event (once; 409 after); the event itself is never changed',
        params: SeqParams,
        body: ReviewEventBody,
        response: { 201: ReviewResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const event = await reviewAuditEvent({ db: db(), actor: actorOf(request), seq: request.params.seq, ...request.body });
      return reply.status(201).send({ event });
    },
  );

  r.get(
    '/api/children/:id/access-extract',
    {
      schema: {
        tags: ['audit'],
        summary: "Who accessed the child's data – unit and time – for the family (log reviewers, the named person); audited",
        params: IdParams,
        querystring: AccessExtractQuery,
        response: { 200: AccessExtractResponse, ...errorResponses },
      },
    },
    async (request) => getAccessExtract({ db: db(), actor: actorOf(request), childId: request.params.id, ...request.query }),
  );
}
