import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { ConversationTopic } from './conversationTopic';

/**
 * The topic while a service request is under way (and after it is made): the request type, and the article that
 * offers that request, so "how long will it take?" afterwards is read against it. Rejections made before stay.
 */
export function topicOfRequest(
  requestType: string,
  knowledge: KnowledgeBase,
  previous: ConversationTopic | undefined,
): ConversationTopic {
  const article = knowledge.articles.find((candidate) => candidate.requestType === requestType);
  const words = article?.id === previous?.articleId ? (previous?.words ?? []) : [];
  return { articleId: article?.id, requestType, words, rejected: previous?.rejected ?? [] };
}
