import type { TurnContext } from 'botbuilder';
import { callbackWindowOf } from '../src/contactCentre/callbackWindow';
import type { Article } from '../src/knowledge/articleSchema';
import { redactPersonalData } from '../src/privacy/redactPersonalData';
import { detectRequestIntent } from '../src/requests/detectRequestIntent';
import { isRequestType, REQUEST_DEFINITIONS } from '../src/requests/requestTypes';
import type { ConversationServices } from './conversationServices';
import { helpfulThanksReply, notHelpfulReply } from './replies/feedbackReplies';
import { requestSubmittedReply } from './replies/requestReplies';

/** The main dialog's handlers that need no dialog state of their own (see `routeMessage`). */

/** A reply to "Was this helpful?" right after an answer, recorded and thanked. */
export async function recordFeedback(
  context: TurnContext,
  services: ConversationServices,
  feedback: { helpful: boolean; articleId: string; questionId: string },
): Promise<void> {
  await services.feedback.answerRated({
    conversationId: context.activity.conversation.id,
    articleId: feedback.articleId,
    helpful: feedback.helpful,
    questionId: feedback.questionId,
  });
  await context.sendActivity(feedback.helpful ? helpfulThanksReply() : notHelpfulReply(services));
}

/** A second tap on "Yes, send it": the same reference again, when the request is still there. */
export async function answeredDoubleTap(
  context: TurnContext,
  services: ConversationServices,
  reference: string,
): Promise<boolean> {
  const found = await services.requests.findByReference(reference);
  if (!found || !isRequestType(found.requestType)) return false;
  const { profile } = services.knowledge.current().knowledge;
  const window = callbackWindowOf(found, services.contactCentre.hours(profile));
  await context.sendActivity(
    requestSubmittedReply(found, REQUEST_DEFINITIONS[found.requestType], profile, true, window),
  );
  return true;
}

/** A question as a callback's topic: personal details (kept in the callback's own fields) taken out. */
export function callbackTopic(text: string): string {
  return redactPersonalData(text).text.replace(/\s+/g, ' ').trim();
}

/** An article on a button: its short title where the full one would not fit on a phone. */
export function buttonLabel(article: Article): string {
  return article.shortTitle ?? article.title;
}

/** "Call me back" (the button offered while waiting) or any other wish for a callback. */
export function wantsCallback(text: string): boolean {
  const intent = detectRequestIntent(text);
  return intent?.kind === 'report' && intent.requestType === 'callback';
}
