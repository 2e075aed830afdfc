import { type Activity, EventFactory, type Transcript, TurnContext } from 'botbuilder';
import type { EscalationReason, HandoffPriority } from '../src/handoff/handoffDesk';
import type { HandoffStart } from '../src/handoff/handoffPort';
import type { ConversationServices } from './conversationServices';
import { handoffStartReply } from './replies/handoffReplies';

/**
 * Hands the conversation to a person and tells the resident where they stand. With an external agent hub
 * (Bot Framework handoff protocol) it also sends `handoff.initiate` with the brief and the transcript.
 */
export async function handOff(
  context: TurnContext,
  services: ConversationServices,
  reason: EscalationReason,
  priority: HandoffPriority = reason === 'urgent' ? 'urgent' : 'normal',
): Promise<HandoffStart> {
  const reference = TurnContext.getConversationReference(context.activity);
  const start = await services.handoff.request({
    conversationId: context.activity.conversation.id,
    channel: context.activity.channelId,
    reference: JSON.stringify(reference),
    reason,
    priority,
  });
  await context.sendActivity(handoffStartReply(start, reason, services));
  if (start.kind === 'external') {
    // Recorded activities are the activities as they were sent and received; the hub reads them as such.
    const transcript: Transcript = { activities: start.transcript as unknown as Activity[] };
    await context.sendActivity(EventFactory.createHandoffInitiation(context, { brief: start.brief }, transcript));
  }
  return start;
}
