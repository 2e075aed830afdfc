import type { AnswerOutcome } from '../knowledge/answerQuestion';
import type { ConversationTopic } from './conversationTopic';
import type { ContextualAnswer } from './readInContext';

/**
 * With a language model, its rewrite of a follow-up decides; the deterministic reading in context (`readInContext`)
 * is a guard behind it. The reading wins only when it found an answer by leaning on the topic (a follow-up or a
 * correction) and the model's path either found nothing or offered an article the resident has just rejected.
 * An emergency or any outcome other than a choice among articles is never overridden.
 */
export function contextOverridesModel(
  model: AnswerOutcome,
  read: ContextualAnswer,
  topic: ConversationTopic | undefined,
): boolean {
  if (read.outcome.kind !== 'answer' || read.reading === 'standalone' || read.reading === 'newTopic') return false;
  if (model.kind === 'noMatch') return true;
  const rejected = new Set(topic?.rejected ?? []);
  if (read.reading === 'correction' && topic?.articleId) rejected.add(topic.articleId);
  if (model.kind === 'answer') return rejected.has(model.article.id);
  if (model.kind === 'clarify') return model.articles.some((article) => rejected.has(article.id));
  return false;
}
