/** Emergency access ("break the glass") and its review. Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { grantEmergencyAccess, listEmergencyAccesses, reviewEmergencyAccess } from '../../services/emergency.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import {
  EmergencyAccessView,
  EmergencyGrantResponse,
  EmergencyListResponse,
  GrantEmergencyBody,
  ListEmergencyQuery,
  ReviewEmergencyBody,
} from './emergency.schema.ts';

export async function emergencyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.post(
    '/api/emergency-access',
    {
      schema: {
        tags: ['emergency access'],
        summary: 'Break the glass: time-limited read access to one child, with a stated reason; flagged for a manager’s review',
        body: GrantEmergencyBody,
        response: { 201: EmergencyGrantResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await grantEmergencyAccess({ db: db(), actor: actorOf(request), input: request.body })),
  );

  r.get(
    '/api/emergency-access',
    {
      schema: {
        tags: ['emergency access'],
        summary: 'Managers: emergency accesses to children of their municipality, for review',
        querystring: ListEmergencyQuery,
        response: { 200: EmergencyListResponse, ...errorResponses },
      },
    },
    async (request) => listEmergencyAccesses({ db: db(), actor: actorOf(request), ...request.query }),
  );

  r.post(
    '/api/emergency-access/:id/review',
    {
      schema: {
        tags: ['emergency access'],
        summary: 'Managers: record whether an emergency access was justified',
        params: IdParams,
        body: ReviewEmergencyBody,
        response: { 200: EmergencyAccessView, ...errorResponses },
      },
    },
    async (request) => reviewEmergencyAccess({ db: db(), actor: actorOf(request), grantId: request.params.id, input: request.body }),
  );
}
