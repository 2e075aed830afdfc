import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { topicOfRequest } from '../src/conversation/topicOfRequest';
import type { RequestIntent } from '../src/requests/detectRequestIntent';
import type { ConversationData } from './conversationData';
import type { ConversationServices } from './conversationServices';
import { requestMenuReply } from './replies/requestReplies';
import { CHECK_REQUEST_DIALOG } from './requests/checkRequestDialog';
import { requestDialogId } from './requests/requestDialog';
import { callbackTopic } from './routeHandlers';

export const REQUEST_FLOW = 'requestFlow';

export interface RequestFlowOptions {
  dialogId: string;
  prefill?: Record<string, string>;
}

type UpdateData = (
  change: Partial<ConversationData> | ((current: ConversationData) => Partial<ConversationData>),
) => Promise<ConversationData>;

/** The main dialog's handler for a `request` route: starts the request (or status) dialog, in the request flow. */
export async function startRequest(
  step: WaterfallStepContext,
  services: ConversationServices,
  updateData: UpdateData,
  intent: RequestIntent,
) {
  const { knowledge } = services.knowledge.current();
  const data = await updateData({ noMatchStreak: 0 });
  const requestType =
    intent.kind === 'report' ? intent.requestType : knowledge.byId.get(data.lastArticleId ?? '')?.requestType;
  if ((intent.kind === 'report' || intent.kind === 'reportLastTopic') && requestType) {
    await updateData({ topic: topicOfRequest(requestType, knowledge, data.topic) });
  }
  switch (intent.kind) {
    case 'report': {
      const prefill =
        intent.requestType === 'callback' ? await callbackPrefill(step, services, data.lastQuestionId) : undefined;
      return step.replaceDialog(REQUEST_FLOW, { dialogId: requestDialogId(intent.requestType), prefill });
    }
    case 'checkStatus':
      return step.replaceDialog(REQUEST_FLOW, {
        dialogId: CHECK_REQUEST_DIALOG,
        prefill: intent.reference ? { reference: intent.reference } : undefined,
      });
    case 'reportLastTopic': {
      const article = services.knowledge.current().knowledge.byId.get(data.lastArticleId ?? '');
      if (article?.requestType) {
        return step.replaceDialog(REQUEST_FLOW, { dialogId: requestDialogId(article.requestType) });
      }
      await step.context.sendActivity(requestMenuReply());
      return step.endDialog();
    }
    case 'reportSomething':
      await step.context.sendActivity(requestMenuReply());
      return step.endDialog();
  }
}

/** A callback's topic: what the resident last asked, personal details taken out; nothing when they asked nothing. */
async function callbackPrefill(
  step: WaterfallStepContext,
  services: ConversationServices,
  lastQuestionId: string | undefined,
): Promise<Record<string, string> | undefined> {
  if (!lastQuestionId) return undefined;
  const words = await services.handoff.residentWords(step.context.activity.conversation.id, lastQuestionId);
  const topic = words && callbackTopic(words);
  return topic ? { topic: topic.slice(0, 300) } : undefined;
}
