import type { Repositories } from '../repositories/openRepositories';
import type { DataSubject } from './dataSubject';

/** Everything that identifies a subject's records across repositories. */
export interface DataScope {
  email: string | undefined;
  conversationIds: string[];
  /** Channel user ids seen in those conversations (their UserState belongs to the same person). */
  userIds: string[];
  requestReferences: string[];
}

/**
 * Works out which records belong to a subject. A conversation id covers that conversation, its resident's channel
 * user id and the requests made in it. An email address covers the requests made with it, the conversations
 * those requests came from (and so their transcripts, state and handoffs), and messages addressed to it.
 */
export async function findDataScope(repositories: Repositories, subject: DataSubject): Promise<DataScope> {
  const email = subject.kind === 'email' ? subject.email : undefined;
  const conversationIds = new Set(subject.kind === 'conversation' ? [subject.conversationId] : []);
  if (email) {
    const requests = await repositories.requests.listFor({ conversationIds: [], email });
    const messages = await repositories.outbox.listFor({ email, conversationIds: [], requestReferences: [] });
    for (const { conversationId } of [...requests, ...messages])
      if (conversationId) conversationIds.add(conversationId);
  }
  const ids = [...conversationIds];
  const requests = await repositories.requests.listFor({ conversationIds: ids, email });
  return {
    email,
    conversationIds: ids,
    userIds: [
      ...new Set([
        ...(await repositories.transcripts.userIdsOf(ids)),
        ...(await repositories.conversations.findMany(ids)).map((conversation) => conversation.userId),
      ]),
    ],
    requestReferences: requests.map((request) => request.reference),
  };
}
