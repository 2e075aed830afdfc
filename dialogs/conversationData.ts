import { z } from 'zod';

/** What the bot remembers about a conversation between turns; re-parsed on read, so old or odd state is safe. */
export const conversationDataSchema = z.object({
  noMatchStreak: z.number().int().min(0).catch(0).default(0),
  lastArticleId: z.string().optional().catch(undefined),
  /** The last request submitted here, so a second tap on "Yes, send it" gets the same reference back. */
  lastSubmission: z.object({ reference: z.string(), at: z.iso.datetime() }).optional().catch(undefined),
  /** Status checks in this conversation whose reference and details did not match (they are limited). */
  failedStatusChecks: z.number().int().min(0).catch(0).default(0),
});

export type ConversationData = z.infer<typeof conversationDataSchema>;
