import { z } from 'zod';
import { CONSENT_PURPOSES, INFORMATION_CATEGORIES } from '../../domain/consent.ts';
import { AGENCY_TYPES } from '../../domain/types.ts';
import { LocalizedTextSchema, WrittenReason } from './common.schema.ts';

const IsoDate = z.iso.date();

export const RecordConsentBody = z.object({
  guardians: z
    .array(
      z.object({
        guardianId: z.uuid(),
        decision: z.enum(['given', 'unreachable']),
        reason: z.string().trim().max(2000).nullable().optional(),
      }),
    )
    .min(1)
    .max(4),
  recipientUnitIds: z.array(z.uuid()).max(50).default([]),
  recipientAgencyTypes: z.array(z.enum(AGENCY_TYPES)).max(AGENCY_TYPES.length).default([]),
  categories: z.array(z.enum(INFORMATION_CATEGORIES)).min(1),
  purposes: z.array(z.enum(CONSENT_PURPOSES)).min(1),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
  form: z.enum(['written', 'oral']),
  childView: z.string().trim().min(1).max(4000).describe("The child's own view, in the child's words where possible – always recorded"),
  childDecision: z.enum(['given', 'declined', 'not_asked']),
  maturityAssessed: z.boolean().optional(),
  unreachableResolution: z.string().trim().max(2000).nullable().optional(),
});

export const ConsentView = z.object({
  id: z.uuid(),
  state: z.enum(['active', 'pending', 'not_yet_valid', 'expired', 'withdrawn']),
  recipients: z.array(z.object({ unitId: z.uuid().nullable(), unitName: z.string().nullable(), agencyType: z.string().nullable() })),
  categories: z.array(z.string()),
  purposes: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  form: z.enum(['written', 'oral']),
  childView: z.string(),
  childAge: z.number().int(),
  childConsentRequired: z.boolean(),
  childDecision: z.enum(['given', 'declined', 'not_asked']),
  parties: z.array(
    z.object({
      guardianId: z.uuid(),
      name: z.string().nullable(),
      decision: z.enum(['given', 'unreachable']),
      reason: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  unreachableResolution: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  summary: LocalizedTextSchema,
});

export const ConsentListResponse = z.object({ items: z.array(ConsentView) });

/** The id of what a POST created. */
export const CreatedResponse = z.object({ id: z.uuid() });
export const WithdrawConsentResponse = z.object({ id: z.uuid(), withdrawn: z.literal(true) });

export const WithdrawConsentBody = z.object({
  party: z.union([
    z.object({ guardianId: z.uuid() }).strict(),
    z.object({ child: z.literal(true) }).strict(),
    z.object({ recordedDecision: z.literal(true) }).strict(),
  ]),
  note: WrittenReason,
});

export const TeamListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      staffId: z.uuid(),
      name: z.string(),
      title: z.string().nullable(),
      unitId: z.uuid(),
      unitName: z.string(),
      agencyType: z.string(),
      addedAt: z.string(),
      covered: z.boolean(),
    }),
  ),
});

export const AddTeamMemberBody = z.object({ staffId: z.uuid(), unitId: z.uuid() });
export const TeamMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });
export const RemoveTeamMemberResponse = z.object({ id: z.uuid(), removed: z.literal(true) });

export const CreateNoteBody = z.object({
  category: z.enum(INFORMATION_CATEGORIES),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  owningUnitId: z.uuid().optional(),
});

export const NoteView = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  category: z.string(),
  title: z.string(),
  body: z.string(),
  owningUnitId: z.uuid(),
  owningUnitName: z.string(),
  author: z.string(),
  createdAt: z.string(),
});

export const NoteListResponse = z.object({ items: z.array(NoteView) });
