/** Wellbeing assessments (wheel, My World Triangle, resilience matrix, ORS/SRS). Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAssessment, listAssessments, recordAssessment } from '../../services/assessments.ts';
import { actorOf, requireActor } from '../context.ts';
import { AssessmentListResponse, AssessmentResponse, CreateAssessmentBody } from './assessments.schema.ts';
import { errorResponses, IdParams } from './common.schema.ts';

export async function assessmentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.post(
    '/api/children/:id/assessments',
    {
      schema: {
        tags: ['wellbeing'],
        summary:
          "Record a wellbeing assessment with the wheel of the child's profile, the triangle, the matrix and enabled instruments; 422 `rating_out_of_scale` / `unknown_indicator` naming the indicator",
        params: IdParams,
        body: CreateAssessmentBody,
        response: { 201: AssessmentResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordAssessment({ db: db(), actor: actorOf(request), childId: request.params.id, input: request.body })),
  );

  r.get(
    '/api/children/:id/assessments',
    {
      schema: {
        tags: ['wellbeing'],
        summary: "The child's assessments you may read, newest first, with the profile's tool definition and per-indicator trends",
        params: IdParams,
        response: { 200: AssessmentListResponse, ...errorResponses },
      },
    },
    async (request) => listAssessments({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );

  r.get(
    '/api/assessments/:id',
    {
      schema: {
        tags: ['wellbeing'],
        summary: 'One assessment with the tool of the profile version it was made with, if you may read it (404 otherwise)',
        params: IdParams,
        response: { 200: AssessmentResponse, ...errorResponses },
      },
    },
    async (request) => getAssessment({ db: db(), actor: actorOf(request), assessmentId: request.params.id }),
  );
}
