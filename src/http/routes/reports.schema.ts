import { z } from 'zod';

export const FileReportBody = z.object({
  personnummer: z.string().trim().min(1).max(20).describe('The child’s personal identity number (10 or 12 digits)'),
  description: z.string().trim().min(10).max(20_000).describe('What you have seen or heard that gives cause for concern'),
  immediateDanger: z.boolean().optional().describe('The child is in immediate danger – the intake acts at once'),
  municipalityId: z
    .uuid()
    .optional()
    .describe('The receiving municipality; required only when the personal identity number is not registered here'),
});

export const ReportReceipt = z
  .object({ id: z.uuid(), createdAt: z.string(), municipalityName: z.string() })
  .describe('The receipt: which municipality’s intake the report went to – never anything about the child');

export const ReportStatusView = z
  .object({ id: z.uuid(), createdAt: z.string(), status: z.enum(['sent', 'received']), receivedAt: z.string().nullable() })
  .describe('What the reporter sees: whether the intake has received the report');

export const ReportView = ReportStatusView.extend({
  childId: z.uuid().nullable().describe('null when the personal identity number is not registered here'),
  personnummer: z.string(),
  description: z.string(),
  immediateDanger: z.boolean(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  reporter: z.object({ name: z.string(), title: z.string().nullable(), unitName: z.string().nullable() }),
  receivedBy: z.string().nullable(),
}).describe('The whole report, for the social-services intake of its municipality');

export const ReportResponse = z.union([ReportView, ReportStatusView]);

export const ListReportsQuery = z.object({
  status: z.enum(['sent', 'received']).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: the reports you filed (status only)'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const ReportListResponse = z.object({ items: z.array(ReportResponse), nextCursor: z.string().nullable() });
