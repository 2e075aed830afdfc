import { z } from 'zod';
import { userSchema } from './userSchema';

/**
 * `POST conversations` body, as `botframework-directlinejs` sends it (`{ user: { id }, locale }`). The user is
 * used only with the secret: a token's user is fixed by the token.
 */
export const startConversationSchema = z.object({
  user: userSchema.optional(),
  locale: z.string().trim().max(20).optional(),
});

/** A conversation id in a path: what the channel issues (base64url) or a secret-holder chose. */
export const conversationParamsSchema = z.object({
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

/**
 * `?watermark=`: the last seq a client has. Clients send `watermark=` (empty) before they have one, and Azure's
 * stream URLs use `-`; both mean "from the start".
 */
export const watermarkSchema = z
  .string()
  .regex(/^(\d{1,12}|-?)$/, 'must be a watermark this channel returned')
  .optional()
  .transform((value) => (value && value !== '-' ? Number(value) : 0));
