import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { normaliseText } from '../knowledge/textAnalyzer';
import { detectRequestIntent, type RequestIntent } from '../requests/detectRequestIntent';

/** A question a resident asks beside a request ("..., and when is my garden bin emptied?"). */
const QUESTION_START =
  /^(?:how|what|whats|when|where|wheres|who|why|which|can|could|do|does|is|are|will|would|should)\b/;

/** A question about the request itself ("can you do that for me"), not another need. */
const ABOUT_THE_REQUEST = /\b(?:do|sort|help|arrange|deal with) (?:that|this|it|me|with)\b|\b(?:how long|when will)\b/;

/**
 * The service request a message asks the bot to start, or undefined when it should be answered instead:
 * - a tapped button naming an article (its exact title or short title, "Report a missed bin collection") is answered, and the answer offers the
 *   form ("Report it now"), rather than jumping into it;
 * - a message with a request and another need beside it ("report fly tipping and when is my bin day?") is answered,
 *   so the second need is not lost; its answer offers the form and the other need as a button.
 * Emergencies are the caller's to check first.
 */
export function requestToStart(text: string, knowledge: KnowledgeBase): RequestIntent | undefined {
  const intent = detectRequestIntent(text);
  if (!intent || intent.kind === 'checkStatus') return intent;
  // A button sends its label exactly (imBack); typed "report fly tipping" still starts the form.
  const sent = text.trim();
  const title = knowledge.articles.some((article) => article.title === sent || article.shortTitle === sent);
  if (title) return undefined;
  return otherNeedBeside(text) ? undefined : intent;
}

/** Whether a part of the message, not itself a request, asks a question. */
function otherNeedBeside(text: string): boolean {
  const parts = text
    .split(/[.?!;\n]+|,|\b(?:and|also|plus)\b/i)
    .map((part) => normaliseText(part))
    .filter((part) => part.split(' ').length >= 4);
  if (parts.length < 2) return false;
  return parts.some(
    (part) => QUESTION_START.test(part) && !ABOUT_THE_REQUEST.test(part) && detectRequestIntent(part) === undefined,
  );
}
