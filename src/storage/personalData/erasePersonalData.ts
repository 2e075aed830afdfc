import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../repositories/auditLog';
import type { Repositories } from '../repositories/openRepositories';
import type { DataSubject } from './dataSubject';
import { findDataScope } from './findDataScope';

export interface ErasureSummary {
  /** Quote this to the resident; the audit entry carries it instead of anything that identifies them. */
  erasureId: string;
  deleted: {
    transcripts: number;
    webChatActivities: number;
    uploads: number;
    state: number;
    serviceRequests: number;
    handoffs: number;
    outbox: number;
    analyticsEvents: number;
    editorQuestions: number;
  };
}

/**
 * Deletes everything held about a subject (UK GDPR article 17) and records the erasure in the audit log: who ran
 * it, when, what kind of identifier was given and how many records went, but not the identifier or any of the
 * data. Then `purgeDeleted` (the store's, when it has one) rewrites the store's files, so that when this resolves
 * no byte of the erased records is left in them. Running it again finds nothing and records another (empty) erasure.
 */
export async function erasePersonalData(
  repositories: Repositories,
  subject: DataSubject,
  actor: AuditActor,
  purgeDeleted: () => Promise<void> = () => Promise.resolve(),
): Promise<ErasureSummary> {
  const scope = await findDataScope(repositories, subject);
  const deleted = {
    transcripts: await repositories.transcripts.deleteByConversations(scope.conversationIds),
    uploads: await repositories.attachments.deleteByConversations(scope.conversationIds),
    webChatActivities: (await repositories.conversations.deleteConversations(scope.conversationIds)).activities,
    state: await repositories.botState.deleteFor(scope),
    serviceRequests: await repositories.requests.deleteFor(scope),
    handoffs: await repositories.handoffs.deleteByConversations(scope.conversationIds),
    outbox: await repositories.outbox.deleteFor(scope),
    analyticsEvents: await repositories.analytics.deleteByConversations(scope.conversationIds),
    editorQuestions: await repositories.editorQuestions.deleteByConversations(scope.conversationIds),
  };
  const erasureId = randomUUID();
  await repositories.auditLog.record({
    actor,
    action: 'personalData.erased',
    subject: { kind: 'erasure', id: erasureId },
    details: { identifier: subject.kind, ...deleted },
  });
  await purgeDeleted();
  return { erasureId, deleted };
}
