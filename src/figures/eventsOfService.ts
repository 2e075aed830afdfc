import type { AnalyticsEvent } from '../storage/repositories/analyticsRepository';

/** Which council service an article or a request type belongs to (from the knowledge base and the request types). */
export interface ServiceDirectory {
  serviceOfArticle(articleId: string): string | undefined;
  serviceOfRequestType(requestType: string): string | undefined;
}

/**
 * The events that count for one council service, in their original order:
 * - an event belongs to the service when its `service` says so (handoffs, ratings), or its `articleId`'s article
 *   belongs to it (answers, "Was this helpful?"), or its `requestType`'s definition does (requests, status changes);
 * - a conversation belongs to the service when any of its events does, and then all its events count (its messages,
 *   its other replies, a handoff that went to another team);
 * - a service request's later status changes count wherever the request itself counts.
 * Events tied to no conversation and no service (language model calls) belong to no service.
 */
export function eventsOfService(
  events: readonly AnalyticsEvent[],
  service: string,
  directory: ServiceDirectory,
): AnalyticsEvent[] {
  const owned = (event: AnalyticsEvent): boolean =>
    event.service === service ||
    (event.articleId !== undefined && directory.serviceOfArticle(event.articleId) === service) ||
    (event.requestType !== undefined && directory.serviceOfRequestType(event.requestType) === service);

  const conversations = new Set<string>();
  for (const event of events) {
    if (event.conversationId !== undefined && owned(event)) conversations.add(event.conversationId);
  }
  const counts = (event: AnalyticsEvent): boolean =>
    owned(event) || (event.conversationId !== undefined && conversations.has(event.conversationId));

  const references = new Set<string>();
  for (const event of events) {
    if (event.kind === 'requestSubmitted' && event.reference !== undefined && counts(event))
      references.add(event.reference);
  }
  return events.filter(
    (event) =>
      counts(event) ||
      (event.kind === 'requestStatus' && event.reference !== undefined && references.has(event.reference)),
  );
}
