/** Sign-in, sign-out and "who am I". */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../domain/access.ts';
import { loadProfile } from '../../services/profiles.ts';
import { logIn, logOut, SESSION_TTL_MS } from '../../services/sessions.ts';
import { actorOf, requireActor, SESSION_COOKIE } from '../context.ts';
import { LoginBody, MeResponse } from './auth.schema.ts';
import { errorResponses } from './common.schema.ts';

async function presentMe(app: FastifyInstance, actor: Actor) {
  const profile = await loadProfile(app.database.db, null);
  return {
    user: {
      id: actor.staffId,
      username: actor.username,
      givenName: actor.givenName,
      familyName: actor.familyName,
      title: actor.title,
      roles: actor.roles.map((r) => ({
        role: r.role,
        roleTitle: profile.roleTitles[r.role] ?? { sv: r.role, en: r.role },
        unitId: r.unitId,
        unitName: r.unitName,
        agencyType: r.agencyType,
      })),
    },
  };
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = process.env.SAMSYN_SECURE_COOKIES === 'true';

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in', body: LoginBody, response: { 200: MeResponse, ...errorResponses } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, actor } = await logIn({ db: app.database.db, ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return presentMe(app, actor);
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logOut(app.database.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get(
    '/api/me',
    { preHandler: requireActor, schema: { tags: ['auth'], summary: 'The signed-in professional', response: { 200: MeResponse, ...errorResponses } } },
    async (request) => presentMe(app, actorOf(request)),
  );
}
