import { z } from 'zod';
import { conversationTopicSchema } from '../src/conversation/conversationTopic';
import type { ConversationTurn } from '../src/llm/languageModel';
import { URGENT_CATEGORIES } from '../src/safety/urgentCategory';

/** Turns kept for rewriting follow-up questions: the last three exchanges. */
export const MAX_HISTORY_TURNS = 6;
const MAX_TURN_CHARACTERS = 400;

const turnSchema = z.object({
  role: z.enum(['resident', 'assistant']),
  text: z.string().transform((text) => text.slice(0, MAX_TURN_CHARACTERS)),
});

/** What the bot remembers about a conversation between turns; re-parsed on read, so old or odd state is safe. */
export const conversationDataSchema = z.object({
  noMatchStreak: z.number().int().min(0).catch(0).default(0),
  lastArticleId: z.string().optional().catch(undefined),
  /**
   * The answer just given, while "Was this helpful?" waits for a reply, and the id of the resident's message it
   * answered (the words themselves stay in the transcript, not in state).
   */
  lastAnswer: z.object({ articleId: z.string(), questionId: z.string() }).optional().catch(undefined),
  /**
   * Recent turns for understanding follow-up questions, kept only with a language model: the resident's questions
   * redacted of personal data, and what the bot answered. Bounded in number and length.
   */
  history: z
    .array(turnSchema)
    .transform((turns) => turns.slice(-MAX_HISTORY_TURNS))
    .catch([])
    .default([]),
  /**
   * What the conversation is about (the article answered, its section, a request under way, the knowledge base's
   * words that led there, articles the resident said were not it), so follow-ups are read against it. No personal data.
   */
  topic: conversationTopicSchema.optional().catch(undefined),
  /** The handoff session and queue place the resident was last told, so waiting messages are not repeated. */
  handoffAck: z.object({ sessionId: z.string(), position: z.number() }).optional().catch(undefined),
  /** The last request submitted here, so a second tap on "Yes, send it" gets the same reference back. */
  lastSubmission: z.object({ reference: z.string(), at: z.iso.datetime() }).optional().catch(undefined),
  /**
   * The id of the resident's last message that went to the knowledge base: what a callback is about, read back from
   * the transcript when one is booked, so the resident is not asked again (the words are not kept in state).
   */
  lastQuestionId: z.string().optional().catch(undefined),
  /** Status checks in this conversation whose reference and details did not match (they are limited). */
  failedStatusChecks: z.number().int().min(0).catch(0).default(0),
  /** The emergency or safeguarding concern raised here: any later handoff is urgent, never a callback alone. */
  flagged: z.enum(URGENT_CATEGORIES).optional().catch(undefined),
});

export type ConversationData = z.infer<typeof conversationDataSchema>;

/** The history with new turns added, the oldest dropped beyond the bound. */
export function appendTurns(
  history: readonly ConversationTurn[],
  turns: readonly ConversationTurn[],
): ConversationTurn[] {
  return [...history, ...turns]
    .slice(-MAX_HISTORY_TURNS)
    .map((turn) => ({ role: turn.role, text: turn.text.slice(0, MAX_TURN_CHARACTERS) }));
}
