/** Reports of concern (orosanmälan). Handlers only parse, call and present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  fileReportOfConcern,
  getReportOfConcern,
  listReportsOfConcern,
  receiveReportOfConcern,
} from '../../services/reports.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import { FileReportBody, ListReportsQuery, ReportListResponse, ReportReceipt, ReportResponse, ReportView } from './reports.schema.ts';

export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  r.post(
    '/api/reports-of-concern',
    {
      schema: {
        tags: ['reports of concern'],
        summary: 'File a report of concern to the social-services intake of the child’s municipality (no consent needed)',
        body: FileReportBody,
        response: { 201: ReportReceipt, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await fileReportOfConcern({ db: db(), actor: actorOf(request), input: request.body })),
  );

  r.get(
    '/api/reports-of-concern',
    {
      schema: {
        tags: ['reports of concern'],
        summary: 'The intake inbox (reports you may read), newest first; with mine=true the reports you filed, status only',
        querystring: ListReportsQuery,
        response: { 200: ReportListResponse, ...errorResponses },
      },
    },
    async (request) => listReportsOfConcern({ db: db(), actor: actorOf(request), ...request.query }),
  );

  r.get(
    '/api/reports-of-concern/:id',
    {
      schema: {
        tags: ['reports of concern'],
        summary: 'One report: the whole report for the intake, the status for the reporter, 404 for anyone else',
        params: IdParams,
        response: { 200: ReportResponse, ...errorResponses },
      },
    },
    async (request) => getReportOfConcern({ db: db(), actor: actorOf(request), reportId: request.params.id }),
  );

  r.post(
    '/api/reports-of-concern/:id/receive',
    {
      schema: {
        tags: ['reports of concern'],
        summary: 'The intake marks the report received (idempotent)',
        params: IdParams,
        response: { 200: ReportView, ...errorResponses },
      },
    },
    async (request) => receiveReportOfConcern({ db: db(), actor: actorOf(request), reportId: request.params.id }),
  );
}
