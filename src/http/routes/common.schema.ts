/** Schemas shared by several endpoints. */
import { z } from 'zod';

export const LocalizedTextSchema = z.object({ sv: z.string(), en: z.string() });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, see docs/api.md'),
      message: z.string().describe("Message for the user in the caller's language (Accept-Language: sv|en)"),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('Error');

export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
  429: ErrorResponse,
} as const;

export const HealthResponse = z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgresql']) });

export const IdParams = z.object({ id: z.uuid() });

/** The reason written for a manual change; required, so the history explains itself. */
export const WrittenReason = z.string().trim().min(3).max(2000);
