import { z } from 'zod';
import { userSchema } from './userSchema';

/** `POST tokens/generate` body (all optional). Azure's `trustedOrigins` is accepted and ignored. */
export const generateTokenSchema = z.object({
  user: userSchema.optional(),
  trustedOrigins: z.array(z.string()).optional(),
});
