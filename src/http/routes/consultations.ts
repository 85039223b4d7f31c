/** De-identified consultations. Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createConsultation, linkConsultation, listConsultations, recordAdvice } from '../../services/consultations.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import {
  AdviceBody,
  ConsultationListResponse,
  ConsultationView,
  CreateConsultationBody,
  LinkConsultationBody,
  LinkedConsultationView,
  ListConsultationsQuery,
} from './consultations.schema.ts';

export async function consultationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.post(
    '/api/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Describe a situation without identifying the child (age band only); 422 not_deidentified for an identity number',
        body: CreateConsultationBody,
        response: { 201: ConsultationView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createConsultation({ db: db(), actor: actorOf(request), input: request.body })),
  );

  r.get(
    '/api/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Consultations of your units, newest first',
        querystring: ListConsultationsQuery,
        response: { 200: ConsultationListResponse, ...errorResponses },
      },
    },
    async (request) => listConsultations({ db: db(), actor: actorOf(request), ...request.query }),
  );

  r.post(
    '/api/consultations/:id/advice',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Record the advice given',
        params: IdParams,
        body: AdviceBody,
        response: { 200: ConsultationView, ...errorResponses },
      },
    },
    async (request) => recordAdvice({ db: db(), actor: actorOf(request), consultationId: request.params.id, advice: request.body.advice }),
  );

  r.post(
    '/api/consultations/:id/link',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Link the consultation to a child you may see, under an active consent for a team meeting or information sharing',
        params: IdParams,
        body: LinkConsultationBody,
        response: { 200: LinkedConsultationView, ...errorResponses },
      },
    },
    async (request) => linkConsultation({ db: db(), actor: actorOf(request), consultationId: request.params.id, input: request.body }),
  );
}
