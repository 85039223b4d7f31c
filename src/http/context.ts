/** Per-request context: the database and the signed-in actor. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { actorForSession } from '../services/sessions.ts';

export const SESSION_COOKIE = 'samsyn_session';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** preHandler: resolves the session cookie to an actor; 401 without one. */
export async function requireActor(this: FastifyInstance, request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  const actor = token ? await actorForSession(this.database.db, token) : null;
  if (!actor) throw new AppError('unauthenticated');
  request.actor = actor;
}
