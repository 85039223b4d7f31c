/**
 * The HTTP server: the JSON API under /api (zod-validated, OpenAPI at /api/docs)
 * and, in production, the built web app with a single-page fallback.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { errorHandler, sendError } from './errors.ts';
import { assessmentsRoutes } from './routes/assessments.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { childrenRoutes } from './routes/children.ts';
import { HealthResponse } from './routes/common.schema.ts';
import { concernsRoutes } from './routes/concerns.ts';
import { consentsRoutes } from './routes/consents.ts';
import { consultationsRoutes } from './routes/consultations.ts';
import { emergencyRoutes } from './routes/emergency.ts';
import { meetingsRoutes } from './routes/meetings.ts';
import { planExportsRoutes } from './routes/plan-exports.ts';
import { plansRoutes } from './routes/plans.ts';
import { reportsRoutes } from './routes/reports.ts';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type AppOptions = {
  database: Database;
  /** Serve the built web app from dist/web (default: when it exists). */
  serveWeb?: boolean;
  /** Log requests (default: false in tests, true otherwise). */
  logger?: boolean;
  /** Where the log goes (default stdout); tests pass a stream to read it. */
  logStream?: NodeJS.WritableStream;
};

/**
 * Requests as they appear in the log: the path without its query string, so that a
 * search by name or personal identity number never reaches the log (protected identity),
 * and without the secret of a calendar feed address (the token is the credential).
 */
export function requestForLog(request: { method: string; url: string; ip?: string }) {
  const path = (request.url.split('?')[0] ?? '').replace(/^\/api\/calendar\/[^/]+\.ics$/, '/api/calendar/[token].ics');
  return { method: request.method, url: path, remoteAddress: request.ip };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger || options.logStream
        ? {
            level: process.env.LOG_LEVEL ?? 'info',
            serializers: { req: requestForLog },
            ...(options.logStream ? { stream: options.logStream } : {}),
          }
        : false,
    bodyLimit: 256 * 1024,
    trustProxy: process.env.SAMSYN_TRUST_PROXY === 'true',
    // A malformed URL or an over-long path parameter is rejected by the router before any
    // route runs; answer it in the same `{"error":{"code","message"}}` shape as every other 4xx.
    frameworkErrors: (error, request, reply) =>
      sendError(
        reply,
        request,
        new AppError('bad_request', {
          message: { sv: `Förfrågan är felaktig (${error.code}).`, en: `Malformed request: ${error.message}` },
        }),
      ),
  });
  app.decorate('database', options.database);
  app.decorateRequest('actor', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Samsyn API',
        version: '0.1.0',
        description:
          'Early and coordinated support for every child. Errors are `{"error":{"code","message"}}`; messages follow Accept-Language (sv, en). Sign in with POST /api/auth/login; the session is an HttpOnly cookie.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and which database is in use',
        response: { 200: HealthResponse },
      },
    },
    async () => ({ status: 'ok' as const, database: options.database.kind }),
  );

  await app.register(authRoutes);
  await app.register(childrenRoutes);
  await app.register(consentsRoutes);
  await app.register(concernsRoutes);
  await app.register(reportsRoutes);
  await app.register(emergencyRoutes);
  await app.register(consultationsRoutes);
  await app.register(assessmentsRoutes);
  await app.register(meetingsRoutes);
  await app.register(plansRoutes);
  await app.register(planExportsRoutes);
  await app.register(auditRoutes);

  const serveWeb = options.serveWeb ?? existsSync(WEB_DIST);
  if (serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET' || !serveWeb) {
      return sendError(reply, request, new AppError('not_found'));
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
