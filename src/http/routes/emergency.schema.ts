import { z } from 'zod';

export const GrantEmergencyBody = z.object({
  personnummer: z.string().trim().min(1).max(20).describe('The child’s personal identity number'),
  reason: z.string().trim().min(10).max(2000).describe('Why there is immediate danger to life or health – reviewed by a manager'),
  hours: z.number().int().min(1).max(24).default(4).describe('How long the access lasts (1–24 hours, default 4)'),
});

export const EmergencyGrantResponse = z
  .object({ id: z.uuid(), childId: z.uuid(), expiresAt: z.string() })
  .describe('The grant: open the child with GET /api/children/:childId until expiresAt');

export const ListEmergencyQuery = z.object({
  reviewed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('false: waiting for review; true: reviewed; omitted: all'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const EmergencyAccessView = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  staff: z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() }),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  review: z
    .object({
      outcome: z.enum(['justified', 'not_justified']),
      comment: z.string().nullable(),
      reviewedBy: z.string().nullable(),
      reviewedAt: z.string(),
    })
    .nullable(),
});

export const EmergencyListResponse = z.object({ items: z.array(EmergencyAccessView) });

export const ReviewEmergencyBody = z.object({
  outcome: z.enum(['justified', 'not_justified']),
  comment: z.string().trim().min(3).max(2000),
});
