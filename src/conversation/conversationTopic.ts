import { z } from 'zod';

/** The most words of the resident's own kept for a topic: enough to search with, too few to hold a story. */
export const MAX_TOPIC_WORDS = 12;
const MAX_REJECTED = 5;

/**
 * What the conversation is about, kept between turns so a follow-up ("how much is it?", "and for a pub?") can be
 * read against it. It holds no personal data: article ids, a section heading, a request type, and only words the
 * knowledge base itself uses (`knownWords`), never names, addresses or numbers.
 */
export const conversationTopicSchema = z.object({
  /** The article last answered; absent while a question is still unanswered. */
  articleId: z.string().optional(),
  /** The section of it that answered, when the answer was a section. */
  section: z.string().optional(),
  /** The service request under way or just made about it. */
  requestType: z.string().optional(),
  /** The words (of the knowledge base's vocabulary) that led to the topic, searched with a follow-up. */
  words: z
    .array(z.string())
    .transform((words) => words.slice(0, MAX_TOPIC_WORDS))
    .default([]),
  /** Articles the resident said were not what they meant: not offered again while the topic lasts. */
  rejected: z
    .array(z.string())
    .transform((ids) => ids.slice(-MAX_REJECTED))
    .default([]),
});

export type ConversationTopic = z.infer<typeof conversationTopicSchema>;
