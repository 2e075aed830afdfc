import { requestToStart } from '../src/conversation/requestToStart';
import { detectFrustration } from '../src/handoff/detectFrustration';
import type { KnowledgeBase } from '../src/knowledge/knowledgeBase';
import { normaliseText } from '../src/knowledge/textAnalyzer';
import { detectPlaceQuestion, type PlaceQuestion } from '../src/places/detectPlaceQuestion';
import type { RequestIntent } from '../src/requests/detectRequestIntent';
import type { ConversationData } from './conversationData';
import { detectFeedback } from './detectFeedback';
import { detectInterruption, type Interruption } from './detectInterruption';
import { CONFIRM_BUTTON } from './replies/requestReplies';

/** A second "Yes, send it" this soon after a submission is a double tap, answered with the same reference. */
export const RESUBMIT_WINDOW_MS = 30 * 60_000;

/** What the main dialog does with a message, before (and instead of) answering it from the knowledge base. */
export type Route =
  /** A CSA ended the chat: the resident is asked to rate it. */
  | { kind: 'survey'; sessionId: string }
  | { kind: 'empty' }
  /** "help", "cancel", "start over", "talk to a person" (never when the message is an emergency). */
  | { kind: 'interruption'; interruption: Interruption }
  /** A reply to "Was this helpful?" right after an answer. */
  | { kind: 'feedback'; helpful: boolean; articleId: string; questionId: string }
  | { kind: 'frustration' }
  /** A service request (or its status) the message asks to start (never when the message is an emergency). */
  | { kind: 'request'; intent: RequestIntent }
  /** "When is my bin day?", "Who is my councillor?": answered for the resident's own address (never an emergency). */
  | { kind: 'place'; place: PlaceQuestion }
  /** "Yes, send it" again soon after a submission: the same reference, if the request is still there. */
  | { kind: 'doubleTap'; reference: string }
  /** Everything else: the answering service decides (emergency, decline, small talk, signpost, search). */
  | { kind: 'answer' };

export interface RouteState {
  /** The answer flow's options: a survey to begin. */
  surveySessionId?: string;
  data: ConversationData;
  knowledge: KnowledgeBase;
  now: Date;
}

/**
 * The main dialog's routing as one pure decision: the same message and state always give the same route, so it is
 * tested without a bot. An emergency is never taken for an interruption or a request: it goes to the answering
 * service, whose routing puts emergencies first. `clearsLastAnswer` says whether "Was this helpful?" has passed.
 */
export function routeMessage(text: string, state: RouteState): Route {
  if (state.surveySessionId) return { kind: 'survey', sessionId: state.surveySessionId };
  if (text.trim() === '') return { kind: 'empty' };
  const urgent = state.knowledge.urgentDetector.detect(text) !== undefined;
  const interruption = urgent ? undefined : detectInterruption(text);
  if (interruption) return { kind: 'interruption', interruption };
  const { lastAnswer, lastSubmission } = state.data;
  const feedback = lastAnswer ? detectFeedback(text) : undefined;
  if (lastAnswer && feedback) return { kind: 'feedback', helpful: feedback === 'helpful', ...lastAnswer };
  if (detectFrustration(text)) return { kind: 'frustration' };
  // A tapped article title or a request beside another need is answered; the answer offers the form.
  const intent = urgent ? undefined : requestToStart(text, state.knowledge);
  if (intent) return { kind: 'request', intent };
  const place = urgent ? undefined : detectPlaceQuestion(text);
  if (place) return { kind: 'place', place };
  const tappedAgain = normaliseText(text) === normaliseText(CONFIRM_BUTTON);
  const recent = lastSubmission && state.now.getTime() - new Date(lastSubmission.at).getTime() <= RESUBMIT_WINDOW_MS;
  if (tappedAgain && lastSubmission && recent) return { kind: 'doubleTap', reference: lastSubmission.reference };
  return { kind: 'answer' };
}

/** Whether the route means "Was this helpful?" has passed (anything read after an interruption). */
export function clearsLastAnswer(route: Route): boolean {
  return route.kind !== 'survey' && route.kind !== 'empty' && route.kind !== 'interruption';
}
