import { normaliseText } from '../knowledge/textAnalyzer';
import { findPostcode } from '../requests/validation/findPostcode';

/** A question the bot answers for the resident's own address; `postcode` when the message gave one. */
export interface PlaceQuestion {
  kind: 'binDay' | 'councillor';
  postcode?: string;
}

const BIN = String.raw`(?:bins?|binday|wheelie bins?|rubbish|refuse|recycling|food caddy|caddy|garden waste|brown bin|blue bin|black bin|grey bin|green bin|general waste)`;
const WHEN = String.raw`(?:when|what day|which day|what days|which days|day|days|dates?|next)`;
const COLLECTED = String.raw`(?:collected|collection|collections|collect|emptied|picked up|pick up|come|comes|coming|go out|goes out|put out|out)`;
/** A bin word, a "when" word and a collecting word, in any order. */
const BIN_DAY = new RegExp(
  [
    String.raw`\b(?:bin ?day|bin days|bin collection days?|collection days?)\b`,
    ...[
      [WHEN, BIN, COLLECTED],
      [WHEN, COLLECTED, BIN],
      [BIN, WHEN, COLLECTED],
      [BIN, COLLECTED, WHEN],
    ].map((order) => order.map((part) => String.raw`\b${part}\b`).join('.*')),
  ].join('|'),
);
/** Bins that were not emptied are a missed-bin report, and other bin questions (a new bin, what goes in it) are not a day. */
const NOT_A_DAY =
  /\b(?:missed|miss|missd|not (?:been )?(?:collected|emptied|done)|wasnt|werent|didnt|havent|hasnt|skipped|new bin|replacement|broken|stolen|order|cost|how much|pay|subscription|renew|sign up|join|bulky|tip|recycling centre|leeds|another council)\b/;

const COUNCILLOR =
  /\b(?:(?:who|whos|which|find|contact|email|meet|see)\b.*\bcouncill?ors?\b|\bmy (?:local )?(?:ward )?councill?ors?\b|\bcouncill?ors? for (?:my|our)\b|\b(?:which|what) ward\b|\bmy ward\b)/;
/** Plainly asking for their own councillor, whatever else the message asks. */
const MY_COUNCILLOR = /\b(?:whos|who is|who are|find) (?:my|our) (?:local )?(?:ward )?councill?ors?\b/;
const NOT_MY_COUNCILLOR =
  /\b(?:complain|complaint|become|stand|standing|election|elect|vote|code of conduct|allowances?|meetings?|minutes)\b/;

/**
 * The resident's own address is meant ("my bins", "our councillor", "when do we..."): a general question is not, nor
 * one whose only "my" is their email or phone number.
 */
const PERSONAL = /\b(?:(?:my|our)\b(?! (?:email|e mail|phone|mobile|number|name)\b)|ours|mine|we|us|i|im|ive|me)\b/;

/**
 * Whether a message asks when the resident's bins are collected or who their councillor is: questions answered
 * for their own address rather than from an article. A report (a missed bin) or a general question about bins or
 * councillors is not one, and nor is a general one ("what day are the bins collected"), which the article answers
 * with a link to the finder.
 */
export function detectPlaceQuestion(text: string): PlaceQuestion | undefined {
  const typed = normaliseText(text);
  const postcode = findPostcode(text);
  const withPostcode = (kind: PlaceQuestion['kind']): PlaceQuestion => (postcode ? { kind, postcode } : { kind });
  if (!postcode && !PERSONAL.test(typed)) return undefined;
  if (BIN_DAY.test(typed) && !NOT_A_DAY.test(typed)) return withPostcode('binDay');
  if (MY_COUNCILLOR.test(typed) || (COUNCILLOR.test(typed) && !NOT_MY_COUNCILLOR.test(typed)))
    return withPostcode('councillor');
  return undefined;
}
