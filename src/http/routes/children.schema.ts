import { z } from 'zod';
import { LocalizedTextSchema, WrittenReason } from './common.schema.ts';

export const ListChildrenQuery = z.object({
  search: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const NamedPersonBrief = z.object({
  status: z.enum(['assigned', 'declined', 'none']),
  name: z.string().optional(),
  title: LocalizedTextSchema.optional(),
  unitName: z.string().nullable().optional(),
});

export const NamedPersonDetail = NamedPersonBrief.extend({
  staffId: z.uuid().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  since: z.string().optional(),
  reason: z.string().optional(),
  note: z.string().nullable().optional(),
});

export const ChildSummary = z.object({
  id: z.uuid(),
  personnummer: z.string().describe('YYYYMMDD-NNNN'),
  givenName: z.string().nullable().describe('null when masked (protected identity)'),
  familyName: z.string().nullable(),
  masked: z.boolean(),
  birthDate: z.string(),
  age: z.number().int(),
  isTestData: z.boolean(),
  namedPerson: NamedPersonBrief,
});

export const ChildListResponse = z.object({ items: z.array(ChildSummary), nextCursor: z.string().nullable() });

export const ChildDetail = ChildSummary.extend({
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  protectedIdentity: z.boolean(),
  municipalityName: z.string(),
  modelProfile: z.object({ key: z.string(), name: LocalizedTextSchema, namedPersonTitle: LocalizedTextSchema }),
  guardians: z.array(
    z.object({
      id: z.uuid(),
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      custody: z.boolean(),
      relationship: z.string(),
    }),
  ),
  enrollments: z.array(
    z.object({
      id: z.uuid(),
      unitId: z.uuid().nullable(),
      unitName: z.string().nullable(),
      agencyType: z.string(),
      kind: z.string(),
      groupName: z.string().nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  namedPerson: NamedPersonDetail,
});

export const ChildResponse = z.object({ child: ChildDetail });

export const RegisterChildBody = z.object({
  personnummer: z.string().trim().min(10).max(13),
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  municipalityId: z.uuid(),
  protectedIdentity: z.boolean().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  postalCode: z.string().trim().max(10).nullable().optional(),
  city: z.string().trim().max(100).nullable().optional(),
});

export const NamedPersonHistoryResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(['assigned', 'declined']),
      name: z.string().nullable(),
      title: LocalizedTextSchema.nullable(),
      unitName: z.string().nullable(),
      stageKey: z.string().nullable(),
      reason: z.string(),
      note: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      createdBy: z.string().nullable(),
    }),
  ),
});

export const AssignNamedPersonBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), staffId: z.uuid(), reason: WrittenReason }),
  z.object({ action: z.literal('decline'), reason: WrittenReason }),
]);

export const NamedPersonResponse = z.object({ namedPerson: NamedPersonDetail });

export const LookupBody = z.object({ personnummer: z.string().trim().min(1).max(20) });

export const LookupResponse = z.object({
  status: z.enum(['assigned', 'declined', 'none']),
  contact: z
    .object({ name: z.string(), title: LocalizedTextSchema, unitName: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
});

export const StaffQuery = z.object({
  search: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  scope: z.enum(['named_person', 'team']).default('named_person'),
});

export const StaffListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      title: z.string().nullable(),
      unitId: z.uuid(),
      unitName: z.string(),
      agencyType: z.string(),
      roleTitle: LocalizedTextSchema,
    }),
  ),
});
