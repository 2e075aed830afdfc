import { z } from 'zod';

/** A resident's channel user id: letters, digits and `_ . : @ -`, so it is safe in ids, URLs and logs' structure. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_.:@-]{1,64}$/, 'must be 1-64 letters, digits or _ . : @ -');

/** `{ user: { id, name } }` in token and conversation requests; both parts optional. */
export const userSchema = z.object({
  id: userIdSchema.optional(),
  name: z.string().trim().max(100).optional(),
});

export type RequestedUser = z.infer<typeof userSchema>;
