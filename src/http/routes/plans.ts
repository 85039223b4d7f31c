/** The child's plan, the lead professional, the intervention catalogue and exports. Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  appointLeadProfessional,
  changePlanStatus,
  createIntervention,
  createPlan,
  getPlan,
  leadProfessionalHistory,
  listInterventions,
  listPlanReviewsFor,
  listPlans,
  listPlanVersions,
  planWorkList,
  reviewPlan,
  savePlan,
  updateIntervention,
} from '../../services/plans.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import {
  AppointLeadProfessionalBody,
  CreateInterventionBody,
  CreatePlanBody,
  InterventionListQuery,
  InterventionListResponse,
  InterventionView,
  LeadProfessionalHistoryResponse,
  LeadProfessionalView,
  PlanListResponse,
  PlanReviewBody,
  PlanReviewsResponse,
  PlanStatusBody,
  PlanVersionsResponse,
  PlanView,
  PlanWorkListResponse,
  SavePlanBody,
  UpdateInterventionBody,
  WorkListQuery,
} from './plans.schema.ts';

export async function plansRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  // ── Lead professional ──
  r.get(
    '/api/children/:id/lead-professional',
    { schema: { tags: ['plans'], summary: "The child's lead professional (stödsamordnare) and the history of changes", params: IdParams, response: { 200: LeadProfessionalHistoryResponse, ...errorResponses } } },
    async (request) => leadProfessionalHistory({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );
  r.post(
    '/api/children/:id/lead-professional',
    {
      schema: {
        tags: ['plans'],
        summary: "Appoint or change the lead professional: the named person or a team member whose agency an active consent covers; 422 consent_missing otherwise",
        params: IdParams,
        body: AppointLeadProfessionalBody,
        response: { 201: LeadProfessionalView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await appointLeadProfessional({ db: db(), actor: actorOf(request), childId: request.params.id, ...request.body })),
  );

  // ── Intervention catalogue ──
  r.get(
    '/api/interventions',
    { schema: { tags: ['plans'], summary: 'Search what the units of your collaboration area offer', querystring: InterventionListQuery, response: { 200: InterventionListResponse, ...errorResponses } } },
    async (request) => listInterventions({ db: db(), actor: actorOf(request), ...request.query }),
  );
  r.post(
    '/api/interventions',
    { schema: { tags: ['plans'], summary: 'Add what your unit offers to the catalogue', body: CreateInterventionBody, response: { 201: InterventionView, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createIntervention({ db: db(), actor: actorOf(request), input: request.body })),
  );
  r.patch(
    '/api/interventions/:id',
    { schema: { tags: ['plans'], summary: "Change or retire one of your unit's interventions", params: IdParams, body: UpdateInterventionBody, response: { 200: InterventionView, ...errorResponses } } },
    async (request) => updateIntervention({ db: db(), actor: actorOf(request), interventionId: request.params.id, input: request.body }),
  );

  // ── Plans ──
  r.get(
    '/api/children/:id/plans',
    { schema: { tags: ['plans'], summary: "The child's plans you may read (newest first)", params: IdParams, response: { 200: PlanListResponse, ...errorResponses } } },
    async (request) => listPlans({ db: db(), actor: actorOf(request), childId: request.params.id }),
  );
  r.post(
    '/api/children/:id/plans',
    {
      schema: {
        tags: ['plans'],
        summary: "Start the child's plan as a draft (named person, lead professional or social services); 409 when an open plan exists",
        params: IdParams,
        body: CreatePlanBody,
        response: { 201: PlanView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan({ db: db(), actor: actorOf(request), childId: request.params.id, input: request.body })),
  );
  r.get(
    '/api/plans/work-list',
    { schema: { tags: ['plans'], summary: 'Reviews due and overdue actions that need you', querystring: WorkListQuery, response: { 200: PlanWorkListResponse, ...errorResponses } } },
    async (request) => planWorkList({ db: db(), actor: actorOf(request), withinDays: request.query.withinDays }),
  );
  r.get(
    '/api/plans/:id',
    { schema: { tags: ['plans'], summary: 'One plan (newest version) and what you may do with it', params: IdParams, response: { 200: PlanView, ...errorResponses } } },
    async (request) => getPlan({ db: db(), actor: actorOf(request), planId: request.params.id }),
  );
  r.put(
    '/api/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Save a new version (lead professional, named person; team members: status and comment of their own actions); 409 version_conflict with what changed',
        params: IdParams,
        body: SavePlanBody,
        response: { 200: PlanView, ...errorResponses },
      },
    },
    async (request) => savePlan({ db: db(), actor: actorOf(request), planId: request.params.id, ...request.body }),
  );
  r.get(
    '/api/plans/:id/versions',
    { schema: { tags: ['plans'], summary: 'Every version with what changed in it', params: IdParams, response: { 200: PlanVersionsResponse, ...errorResponses } } },
    async (request) => listPlanVersions({ db: db(), actor: actorOf(request), planId: request.params.id }),
  );
  r.post(
    '/api/plans/:id/status',
    {
      schema: {
        tags: ['plans'],
        summary: 'Activate (422 plan_not_ready lists what is missing), start a review, or close with a reason',
        params: IdParams,
        body: PlanStatusBody,
        response: { 200: PlanView, ...errorResponses },
      },
    },
    async (request) => changePlanStatus({ db: db(), actor: actorOf(request), planId: request.params.id, ...request.body }),
  );
  r.get(
    '/api/plans/:id/reviews',
    { schema: { tags: ['plans'], summary: "The plan's reviews", params: IdParams, response: { 200: PlanReviewsResponse, ...errorResponses } } },
    async (request) => listPlanReviewsFor({ db: db(), actor: actorOf(request), planId: request.params.id }),
  );
  r.post(
    '/api/plans/:id/reviews',
    {
      schema: {
        tags: ['plans'],
        summary: 'Record a review: the new assessment, every action marked, and continue / revise / close',
        params: IdParams,
        body: PlanReviewBody,
        response: { 201: PlanView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await reviewPlan({ db: db(), actor: actorOf(request), planId: request.params.id, input: request.body })),
  );
}
