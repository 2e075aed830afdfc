import type { AnalyticsEvent } from '../repositories/analyticsRepository';
import type { StateEntry } from '../botState/botStateStorage';
import type { StoredAttachment } from '../repositories/attachmentStore';
import type { ConversationRecord } from '../repositories/conversationLog';
import type { EditorQuestion } from '../repositories/editorQuestionRepository';
import type { HandoffSession } from '../repositories/handoffRepository';
import type { Repositories } from '../repositories/openRepositories';
import type { OutboxMessage } from '../repositories/outboxRepository';
import type { ServiceRequest } from '../repositories/requestRepository';
import type { TranscriptEntry } from '../repositories/transcriptRepository';
import type { DataSubject } from './dataSubject';
import { findDataScope } from './findDataScope';

/** Everything held about a subject, for a subject access request (UK GDPR article 15). */
export interface PersonalDataExport {
  subject: DataSubject;
  generatedAt: Date;
  conversationIds: string[];
  transcripts: TranscriptEntry[];
  /** Web chat conversations as the resident saw them, with the files they uploaded (base64). */
  webChat: { conversation: ConversationRecord; activities: Record<string, unknown>[] }[];
  uploads: StoredAttachment[];
  state: StateEntry[];
  serviceRequests: ServiceRequest[];
  handoffs: HandoffSession[];
  outbox: OutboxMessage[];
  /** Questions kept for content editors (with personal data already redacted). */
  editorQuestions: EditorQuestion[];
  /** What the service recorded of these conversations for its figures (codes and counts; erased with the rest). */
  analyticsEvents: AnalyticsEvent[];
}

/** Gathers every record about a subject (see `findDataScope` for what counts as theirs). */
export async function exportPersonalData(
  repositories: Repositories,
  subject: DataSubject,
): Promise<PersonalDataExport> {
  const scope = await findDataScope(repositories, subject);
  const transcripts = [];
  for (const conversationId of scope.conversationIds) {
    transcripts.push(...(await repositories.transcripts.listByConversation(conversationId)));
  }
  const webChat = [];
  for (const conversation of await repositories.conversations.findMany(scope.conversationIds)) {
    webChat.push({ conversation, activities: await repositories.conversations.listActivities(conversation._id) });
  }
  return {
    subject,
    generatedAt: new Date(),
    conversationIds: scope.conversationIds,
    transcripts,
    webChat,
    uploads: await repositories.attachments.listByConversations(scope.conversationIds),
    state: await repositories.botState.listFor(scope),
    serviceRequests: await repositories.requests.listFor(scope),
    handoffs: await repositories.handoffs.listByConversations(scope.conversationIds),
    outbox: await repositories.outbox.listFor(scope),
    editorQuestions: await repositories.editorQuestions.listByConversations(scope.conversationIds),
    analyticsEvents: await repositories.analytics.listByConversations(scope.conversationIds),
  };
}

/** Whether an export found nothing at all. */
export function isEmptyExport(data: PersonalDataExport): boolean {
  return [
    data.transcripts,
    data.webChat,
    data.uploads,
    data.state,
    data.serviceRequests,
    data.handoffs,
    data.outbox,
    data.editorQuestions,
    data.analyticsEvents,
  ].every((list) => !list.length);
}
