/**
 * Maps every error to `{"error":{"code","message"}}` in the caller's language.
 * Database errors are normalised in one function; bad input is never a 500.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, isAppError } from '../domain/errors.ts';
import type { LocalizedText } from '../domain/types.ts';

export type Language = 'sv' | 'en';

/** The caller's language: `?lang=`, else the first supported Accept-Language, else Swedish. */
export function languageOf(request: FastifyRequest): Language {
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'sv') return 'sv';
    if (tag === 'en') return 'en';
  }
  return 'sv';
}

/** PostgreSQL error codes mapped to application errors. */
export function normalizeDatabaseError(error: unknown): AppError | null {
  const code = (error as { code?: unknown; cause?: { code?: unknown } })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  switch (code) {
    case '23505':
      return new AppError('conflict', { cause: error });
    case '22P02': // invalid text representation (e.g. a malformed uuid)
    case '22007':
    case '22008':
      return new AppError('validation_failed', { cause: error });
    case '22021': // a NUL character in text
    case '22P05': // … or in JSON (unsupported Unicode escape)
      return new AppError('validation_failed', {
        message: { sv: 'Texten innehåller ett tecken som inte är tillåtet (NUL).', en: 'The text contains a character that is not allowed (NUL).' },
        cause: error,
      });
    case '40001':
    case '40P01':
      return new AppError('conflict', {
        message: { sv: 'Samtidig ändring – försök igen.', en: 'Concurrent change – please try again.' },
        cause: error,
      });
    case '57014':
    case '53300':
      return new AppError('unavailable', { cause: error });
    default:
      return null;
  }
}

type Issue = { path?: readonly PropertyKey[]; instancePath?: string; message?: string };

function describeValidation(issues: readonly Issue[], context: string | undefined): LocalizedText {
  const fields = issues.map((i) => {
    const path = i.instancePath?.replace(/^\//, '').replaceAll('/', '.') || (i.path ?? []).join('.');
    return path || context || 'body';
  });
  const unique = [...new Set(fields)].join(', ');
  return {
    sv: `Kontrollera fälten: ${unique}.`,
    en: `Check these fields: ${unique}.`,
  };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const lang = languageOf(request);
  const body: { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } } = {
    error: { code: error.code, message: error.userMessage[lang] },
  };
  if (error.details) body.error.details = error.details;
  return reply.status(error.status).type('application/json').send(body);
}

export function errorHandler(this: unknown, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(error)) return sendError(reply, request, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = (error.validation ?? []) as unknown as Issue[];
    const details = issues.map((i) => ({
      field: i.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '',
      problem: i.message ?? 'invalid',
    }));
    return sendError(
      reply,
      request,
      new AppError('validation_failed', {
        message: describeValidation(issues, error.validationContext),
        details: { issues: details },
      }),
    );
  }
  const db = normalizeDatabaseError(error);
  if (db) return sendError(reply, request, db);
  if (error.statusCode === 429) return sendError(reply, request, new AppError('rate_limited'));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Malformed JSON, wrong content type, body too large, …
    return sendError(
      reply,
      request,
      new AppError('bad_request', {
        message: { sv: `Förfrågan är felaktig (${error.code ?? error.statusCode}).`, en: `Malformed request: ${error.message}` },
      }),
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, request, new AppError('internal'));
}
