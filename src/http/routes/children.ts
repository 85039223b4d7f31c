/** Children, their named person, and the named-person lookup. Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getChild, listChildren, registerChild } from '../../services/children.ts';
import {
  assignNamedPerson,
  getNamedPersonHistory,
  lookUpNamedPerson,
  searchStaff,
} from '../../services/named-person.ts';
import { actorOf, requireActor } from '../context.ts';
import {
  AssignNamedPersonBody,
  ChildListResponse,
  ChildResponse,
  ListChildrenQuery,
  LookupBody,
  LookupResponse,
  NamedPersonHistoryResponse,
  NamedPersonResponse,
  RegisterChildBody,
  StaffListResponse,
  StaffQuery,
} from './children.schema.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import { z } from 'zod';

export async function childrenRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.get(
    '/api/children',
    {
      schema: {
        tags: ['children'],
        summary: 'Children the signed-in professional may see (search by name or personal identity number)',
        querystring: ListChildrenQuery,
        response: { 200: ChildListResponse, ...errorResponses },
      },
    },
    async (request) => listChildren({ db: db(), actor: actorOf(request), ...request.query }),
  );

  r.post(
    '/api/children',
    {
      schema: {
        tags: ['children'],
        summary: 'Register a child (administrators); 409 points to an existing registration',
        body: RegisterChildBody,
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await registerChild({ db: db(), actor: actorOf(request), child: request.body });
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/children/:id',
    { schema: { tags: ['children'], summary: 'One child: guardians, enrollments, named person', params: IdParams, response: { 200: ChildResponse, ...errorResponses } } },
    async (request) => ({ child: await getChild({ db: db(), actor: actorOf(request), childId: request.params.id }) }),
  );

  r.get(
    '/api/children/:id/named-person/history',
    {
      schema: {
        tags: ['named person'],
        summary: 'Every named-person assignment of the child, newest first',
        params: IdParams,
        response: { 200: NamedPersonHistoryResponse, ...errorResponses },
      },
    },
    async (request) => getNamedPersonHistory({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );

  r.post(
    '/api/children/:id/named-person',
    {
      schema: {
        tags: ['named person'],
        summary: 'Assign the named person by hand, or record that the family declined (written reason required)',
        params: IdParams,
        body: AssignNamedPersonBody,
        response: { 201: NamedPersonResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const namedPerson = await assignNamedPerson({ db: db(), actor: actorOf(request), childId: request.params.id, input: request.body });
      return reply.status(201).send({ namedPerson });
    },
  );

  r.post(
    '/api/named-person/lookup',
    {
      schema: {
        tags: ['named person'],
        summary: 'Who is the named person for this personal identity number? Contact only; audited',
        body: LookupBody,
        response: { 200: LookupResponse, ...errorResponses },
      },
    },
    async (request) => lookUpNamedPerson({ db: db(), actor: actorOf(request), personnummer: request.body.personnummer }),
  );

  r.get(
    '/api/staff',
    {
      schema: {
        tags: ['named person'],
        summary: 'Professionals for a picker: named-person roles (default) or, with scope=team, anyone who works with children; one row per unit',
        querystring: StaffQuery,
        response: { 200: StaffListResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await searchStaff({ db: db(), actor: actorOf(request), ...request.query }) }),
  );
}
