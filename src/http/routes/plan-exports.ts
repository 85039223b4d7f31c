/** Exports of the child's plan: PDFs (family, child-friendly, SIP) and FHIR R4. Rendering is in `src/exports/`. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderChildPdf } from '../../exports/child-pdf.ts';
import { planToFhirBundle } from '../../exports/fhir.ts';
import { renderPlanPdf } from '../../exports/plan-pdf.ts';
import { renderSipPdf } from '../../exports/sip.ts';
import { exportPlan } from '../../services/plans.ts';
import { actorOf, requireActor } from '../context.ts';
import { errorResponses, IdParams } from './common.schema.ts';
import { ExportQuery } from './plans.schema.ts';

export async function planExportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  app.addHook('preHandler', requireActor);

  // ── Exports ──
  r.get(
    '/api/plans/:id/export.pdf',
    {
      schema: {
        tags: ['plans'],
        summary: 'The plan as a PDF: for the family in plain language, child-friendly with pictures, or the SIP (sv or en)',
        params: IdParams,
        querystring: ExportQuery,
        response: { 200: z.any().describe('application/pdf'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { lang, variant } = request.query;
      const render = variant === 'child' ? renderChildPdf : variant === 'sip' ? renderSipPdf : renderPlanPdf;
      const pdf = await exportPlan({ db: db(), actor: actorOf(request), planId: request.params.id, format: `pdf-${variant}-${lang}`, render: (doc) => render(doc, lang) });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="plan-${variant}-${lang}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );
  r.get(
    '/api/plans/:id/fhir',
    {
      schema: {
        tags: ['plans'],
        summary: 'The plan as a FHIR R4 Bundle: CarePlan, CareTeam, Consent, QuestionnaireResponse (the assessment), Patient, …',
        params: IdParams,
        response: { 200: z.any().describe('application/fhir+json'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const bundle = await exportPlan({ db: db(), actor: actorOf(request), planId: request.params.id, format: 'fhir-r4', render: planToFhirBundle });
      return reply.type('application/fhir+json').header('cache-control', 'no-store').send(JSON.stringify(bundle));
    },
  );
}
