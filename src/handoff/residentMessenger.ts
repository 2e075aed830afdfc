/**
 * What the handoff domain tells a resident from outside their own turn: a CSA's message, a transfer, the end of the
 * chat. The bot layer renders each as chat messages (and, for `chatEnded` and `waitExpired`, starts the dialog
 * that follows), through the channel the conversation came from.
 */
export type ResidentNotice =
  | { kind: 'agentJoined'; csaName: string }
  | { kind: 'agentMessage'; csaName: string; text: string }
  | { kind: 'article'; csaName: string; articleId: string }
  | { kind: 'transferred'; team: string; position: number }
  | { kind: 'chatEnded'; csaName: string; sessionId: string }
  | { kind: 'waitExpired'; sessionId: string; minutesWaited: number };

export interface ResidentMessenger {
  /**
   * Delivers a notice into the conversation whose Bot Framework reference (as JSON) was stored with the handoff.
   * Resolves once the message is stored or sent, with its activity id; rejects when it could not be delivered, with
   * `UnreachableConversationError` when the conversation may not be messaged outside its own turns at all.
   */
  notify(reference: string, notice: ResidentNotice): Promise<{ activityId: string | undefined }>;
}

/**
 * The conversation came from an unauthenticated caller (`/api/messages` without `MicrosoftAppId`): it was answered in
 * its HTTP responses only, and nothing is ever sent to the service URL it named.
 */
export class UnreachableConversationError extends Error {
  constructor() {
    super('this conversation can only be answered within its own turns');
    this.name = 'UnreachableConversationError';
  }
}
