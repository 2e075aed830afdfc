import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { LiveHandoff } from '../src/handoff/handoffPort';
import { normaliseText } from '../src/knowledge/textAnalyzer';
import { type ConversationData, conversationDataSchema } from './conversationData';
import type { ConversationServices } from './conversationServices';
import { detectInterruption } from './detectInterruption';
import { KEEP_WAITING, leftQueueReply, STOP_WAITING, stillWaitingReply } from './replies/handoffReplies';
import { urgentReply } from './replies/urgentReply';

/**
 * A message while the conversation is with a person (or waiting for one). Everything the resident writes goes to
 * the CSA's screen. Once a CSA has the conversation the bot stays silent: it never talks over them. While the
 * resident waits, the bot gives emergency numbers at once when needed, lets them stop waiting, and tells them
 * their place when it changes.
 */
export async function whileHandedOff(
  context: TurnContext,
  live: LiveHandoff,
  services: ConversationServices,
  conversationData: StatePropertyAccessor<ConversationData>,
): Promise<void> {
  const { activity } = context;
  const text = activity.text ?? '';
  const urgent = services.knowledge.current().knowledge.urgentDetector.detect(text);
  const current = await services.handoff.residentSaid(activity.conversation.id, {
    activityId: activity.id ?? '',
    at: activity.timestamp ? new Date(activity.timestamp) : services.clock(),
    text,
    attachments: (activity.attachments ?? []).map((attachment) => ({
      name: attachment.name,
      contentType: attachment.contentType,
      url: attachment.contentUrl,
    })),
    urgent: urgent !== undefined,
    urgentCategory: urgent?.category,
  });
  const state = current ?? live;
  if (state.state !== 'queued') return;
  if (urgent) {
    await context.sendActivity(urgentReply(urgent.category, services));
    return;
  }
  const normalised = normaliseText(text);
  if (detectInterruption(text) === 'cancel' || normalised === normaliseText(STOP_WAITING)) {
    if (await services.handoff.leaveQueue(activity.conversation.id)) await context.sendActivity(leftQueueReply());
    return;
  }
  const data = conversationDataSchema.parse((await conversationData.get(context)) ?? {});
  const told = data.handoffAck;
  const keepWaiting = normalised === normaliseText(KEEP_WAITING);
  if (!keepWaiting && told?.sessionId === state.sessionId && told.position === state.position) return;
  await conversationData.set(context, {
    ...data,
    handoffAck: { sessionId: state.sessionId, position: state.position },
  });
  await context.sendActivity(stillWaitingReply(state));
}
