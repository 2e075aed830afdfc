import { type Activity, EventFactory, type Transcript, TurnContext } from 'botbuilder';
import type { EscalationReason, HandoffPriority } from '../src/handoff/handoffDesk';
import type { HandoffStart } from '../src/handoff/handoffPort';
import type { UrgentCategory } from '../src/safety/urgentCategory';
import type { ConversationServices } from './conversationServices';
import { handoffStartReply } from './replies/handoffReplies';
import { safeguardingFollowUpReply } from './replies/safeguardingFollowUpReply';

export interface HandOffOptions {
  priority?: HandoffPriority;
  /** The kind of emergency flagged (reason `urgent`): nobody free or out of hours records a safeguarding follow-up. */
  urgentCategory?: UrgentCategory;
  /** The emergency numbers were given in this turn (else the follow-up reply repeats them). */
  numbersShown?: boolean;
}

/**
 * Hands the conversation to a person and tells the resident where they stand. With an external agent hub
 * (Bot Framework handoff protocol) it also sends `handoff.initiate` with the brief and the transcript. A flagged
 * conversation nobody can take now is never left with a callback alone: a safeguarding follow-up is recorded for
 * the next opening and the resident is told so, with the numbers that help now.
 */
export async function handOff(
  context: TurnContext,
  services: ConversationServices,
  reason: EscalationReason,
  options: HandOffOptions = {},
): Promise<HandoffStart> {
  const reference = JSON.stringify(TurnContext.getConversationReference(context.activity));
  const conversationId = context.activity.conversation.id;
  const channel = context.activity.channelId;
  const urgentCategory = reason === 'urgent' ? options.urgentCategory : undefined;
  const start = await services.handoff.request({
    conversationId,
    channel,
    reference,
    reason,
    priority: options.priority ?? (reason === 'urgent' ? 'urgent' : 'normal'),
    urgentCategory,
  });
  const nobodyNow = start.kind === 'closed' || (start.kind === 'queued' && start.csasAvailable === 0);
  if (urgentCategory && nobodyNow) {
    const followUp = await services.handoff.recordSafeguardingFollowUp({
      conversationId,
      channel,
      reference,
      urgentCategory,
    });
    await context.sendActivity(
      safeguardingFollowUpReply(start, followUp, urgentCategory, options.numbersShown ?? false, services),
    );
    return start;
  }
  await context.sendActivity(handoffStartReply(start, reason, services));
  if (start.kind === 'external') {
    // Recorded activities are the activities as they were sent and received; the hub reads them as such.
    const transcript: Transcript = { activities: start.transcript as unknown as Activity[] };
    await context.sendActivity(EventFactory.createHandoffInitiation(context, { brief: start.brief }, transcript));
  }
  return start;
}
