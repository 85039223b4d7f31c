import { z } from 'zod';
import { AGE_BANDS } from '../../services/consultations.ts';

const DeidentifiedText = (max: number) =>
  z.string().trim().min(3).max(max).describe('De-identified: no name, no personal identity number, nothing that points to the child');

export const CreateConsultationBody = z.object({
  unitId: z.uuid().describe('One of your own units'),
  ageBand: z.enum(AGE_BANDS),
  situation: DeidentifiedText(10_000),
  question: DeidentifiedText(2_000),
});

export const ConsultationView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  ageBand: z.enum(AGE_BANDS),
  situation: z.string(),
  question: z.string(),
  advice: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  linked: z.boolean().describe('Linked to a child (with consent); which child shows on the child’s page'),
  linkedAt: z.string().nullable(),
});

export const ListConsultationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const ConsultationListResponse = z.object({ items: z.array(ConsultationView), nextCursor: z.string().nullable() });

export const AdviceBody = z.object({ advice: DeidentifiedText(10_000) });

export const LinkConsultationBody = z.object({
  childId: z.uuid(),
  consentId: z.uuid().describe('An active consent for this child covering a team meeting or information sharing'),
});

export const LinkedConsultationView = ConsultationView.extend({ childId: z.uuid(), consentId: z.uuid() });
