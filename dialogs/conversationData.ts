import { z } from 'zod';

/** What the bot remembers about a conversation between turns; re-parsed on read, so old or odd state is safe. */
export const conversationDataSchema = z.object({
  noMatchStreak: z.number().int().min(0).catch(0).default(0),
  lastArticleId: z.string().optional().catch(undefined),
  /** The handoff session and queue place the resident was last told, so waiting messages are not repeated. */
  handoffAck: z.object({ sessionId: z.string(), position: z.number() }).optional().catch(undefined),
});

export type ConversationData = z.infer<typeof conversationDataSchema>;
