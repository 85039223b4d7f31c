/** Concerns (the five questions → the named person's inbox). Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { concernForm, getConcern, listConcerns, raiseConcern, recordConcernAction } from '../../services/concerns.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import {
  ConcernActionBody,
  ConcernFormBody,
  ConcernFormQuery,
  ConcernFormResponse,
  ConcernListResponse,
  ConcernResponse,
  ConcernView,
  ListConcernsQuery,
  RaiseConcernBody,
  RaiseConcernResponse,
} from './concerns.schema.ts';

export async function concernsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.get(
    '/api/concerns/form',
    {
      schema: {
        tags: ['concerns'],
        summary:
          "What the raise-a-concern form needs: the five questions, urgencies with first-response deadlines, sources, the wellbeing indicators of the child's profile (childId of a child you can see) or else your municipality's",
        querystring: ConcernFormQuery,
        response: { 200: ConcernFormResponse, ...errorResponses },
      },
    },
    async (request) => concernForm({ db: db(), actor: actorOf(request), childId: request.query.childId }),
  );

  r.post(
    '/api/concerns/form',
    {
      schema: {
        tags: ['concerns'],
        summary: 'The same form for a child given by personal identity number (in the body, never in a URL); a child you cannot see is answered as no child',
        body: ConcernFormBody,
        response: { 200: ConcernFormResponse, ...errorResponses },
      },
    },
    async (request) => concernForm({ db: db(), actor: actorOf(request), ...request.body }),
  );

  r.post(
    '/api/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Raise a concern (five questions, urgency, indicators) for a child you can see, or by personal identity number; it goes to the named person',
        body: RaiseConcernBody,
        response: { 201: RaiseConcernResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await raiseConcern({ db: db(), actor: actorOf(request), input: request.body })),
  );

  r.get(
    '/api/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Your inbox (concerns sent to you and others you may read), most urgent then oldest first; mine=true: the concerns you raised',
        querystring: ListConcernsQuery,
        response: { 200: ConcernListResponse, ...errorResponses },
      },
    },
    async (request) => listConcerns({ db: db(), actor: actorOf(request), ...request.query }),
  );

  r.get(
    '/api/concerns/:id',
    {
      schema: {
        tags: ['concerns'],
        summary: 'One concern: the whole of it under the access rules, the status view for the one who raised it, 404 for anyone else',
        params: IdParams,
        response: { 200: ConcernResponse, ...errorResponses },
      },
    },
    async (request) => getConcern({ db: db(), actor: actorOf(request), concernId: request.params.id }),
  );

  r.post(
    '/api/concerns/:id/actions',
    {
      schema: {
        tags: ['concerns'],
        summary: 'The named person records a step: acknowledged, handled_in_agency, information_gathered, coordinated_support, mandatory_report, closed',
        params: IdParams,
        body: ConcernActionBody,
        response: { 201: ConcernView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConcernAction({ db: db(), actor: actorOf(request), concernId: request.params.id, input: request.body })),
  );
}
