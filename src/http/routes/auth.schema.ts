import { z } from 'zod';
import { LocalizedTextSchema } from './common.schema.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(500),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const MeSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  title: z.string().nullable(),
  roles: z.array(
    z.object({
      role: z.string(),
      roleTitle: LocalizedTextSchema,
      unitId: z.uuid(),
      unitName: z.string(),
      agencyType: z.string(),
    }),
  ),
});

export const MeResponse = z.object({ user: MeSchema });
