import { normaliseText } from '../knowledge/textAnalyzer';
import type { RequestType } from './requestTypes';

/** What a message asks the bot to do about service requests, if anything. */
export type RequestIntent =
  | { kind: 'report'; requestType: RequestType }
  /** "I want to report a problem": which kind is not said. */
  | { kind: 'reportSomething' }
  /** "Report it now" after an answer: the article just given says which kind. */
  | { kind: 'reportLastTopic' }
  | { kind: 'checkStatus'; reference?: string };

const REFERENCE = /\bsr[\s-]?([0-9a-z]{4}[\s-]?[0-9a-z]{4})\b/;

/** Asking how something works, rather than asking for it to be done ("how do I report fly-tipping?"). */
const QUESTION =
  /^(?:how|what|where|when|who|why|which|is|are|does|do|will|would|should|am|if|whats|wheres|whos|hows)\b(?! (?:you|u) (?:report|log|order|book|arrange))/;

const WANTS =
  /^(?:(?:please|hi|hello|yes|ok|okay)\s+)*(?:(?:i|we) (?:want|would like|wanna|need|wish|d like|have|got) to |(?:i|we)d like to |can (?:i|we|you) |could (?:i|we|you) |let me |help me |please |pls )?(?:report|log|request|order|book|arrange|make (?:a )?(?:report|complaint)(?: about)?|complain about|tell (?:you|the council) about)\b/;
/** "I need a new bin": asking for a thing rather than a report. */
const NEEDS_NEW =
  /^(?:i|we) (?:need|want|would like|d like) (?:a |an )?(?:new|replacement|another|extra|spare|bigger|larger|second)\b/;
const REPORT_IT = /\b(?:report|log) (?:it|this|that)(?: please| now| for me)?$/;
const REPORT_SOMETHING =
  /^(?:(?:i|we) (?:want|would like|need|d like) to )?(?:report|log) (?:a |an )?(?:problem|issue|something|fault)$/;

const TOPICS: ReadonlyArray<[RequestType, RegExp]> = [
  [
    'abandoned-vehicle',
    /\b(?:abandoned|dumped|burnt out|burned out|untaxed) (?:car|vehicle|van|motorbike|caravan)s?\b|\b(?:car|vehicle|van)s? (?:has been |been |left )?abandoned\b/,
  ],
  [
    'missed-bin',
    /\bmissed (?:bin|bins|collection|recycling|rubbish|caddy)\b|\b(?:bin|bins|recycling|rubbish|caddy|collection)s? (?:was |were |has |have |hasnt |havent |wasnt |werent )?(?:not |never )?(?:been )?(?:missed|collected|emptied|picked up)\b|\bdidnt (?:collect|empty|take)\b/,
  ],
  [
    'fly-tipping',
    /\bfly ?tip(?:ping|ped|s)?\b|\bdumped (?:rubbish|waste|bags|mattress|furniture|fridge|tyres)\b|\bdumping\b/,
  ],
  [
    'street-cleansing',
    /\blitter\b|\bgraffiti\b|\bdog (?:fouling|poo|poop|mess|muck|dirt)\b|\bstreet (?:cleaning|cleansing)\b/,
  ],
  [
    'new-bin',
    /\b(?:new|replacement|replace|another|extra|spare|bigger|larger|second) (?:\w+ )?(?:bin|caddy|wheelie bin|box)\b|\b(?:bin|caddy)s? (?:is |was |has been |got )?(?:broken|damaged|stolen|lost|missing|cracked)\b/,
  ],
  ['noise', /\bnoise\b|\bnoisy\b|\bloud (?:music|party|parties|neighbours?|dog)\b|\bbarking\b/],
  ['callback', /\bcall ?back\b|\b(?:call|ring|phone) me\b/],
];

const CHECK_STATUS =
  /\b(?:check|track|chase|follow up|status|progress|update|whats happening|what is happening|any news)\b.*\b(?:request|report|reference|case|complaint|ticket)\b|^(?:request|report) (?:status|progress)$/;
const CALLBACK_WISH =
  /^(?:(?:please|can you|could you|can someone|could someone|i want you to|i would like you to) )?(?:call|ring|phone) me(?: back)?\b|\b(?:request|book|arrange|want|need|like|ask for|get) (?:a )?call ?back\b/;

/**
 * Reads a message as a wish to make or check a service request: "report fly tipping", "my bin wasn't collected,
 * report it", "can someone call me back", "check my request", or a reference on its own. A question about how
 * reporting works is left to the knowledge base, whose answer offers "Report it now".
 */
export function detectRequestIntent(text: string): RequestIntent | undefined {
  const normalised = normaliseText(text);
  if (normalised === '') return undefined;
  if (normalised === 'report it now' || normalised === 'report it') return { kind: 'reportLastTopic' };
  const reference = REFERENCE.exec(normalised);
  if (reference && (normalised.split(' ').length <= 4 || CHECK_STATUS.test(normalised))) {
    return { kind: 'checkStatus', reference: `SR-${(reference[1] ?? '').replace(/[\s-]/g, '').toUpperCase()}` };
  }
  if (CHECK_STATUS.test(normalised) && (!QUESTION.test(normalised) || /\b(?:my|our)\b/.test(normalised))) {
    return { kind: 'checkStatus' };
  }
  if (QUESTION.test(normalised)) return undefined;
  if (CALLBACK_WISH.test(normalised)) return { kind: 'report', requestType: 'callback' };
  if (REPORT_SOMETHING.test(normalised)) return { kind: 'reportSomething' };
  if (!WANTS.test(normalised) && !REPORT_IT.test(normalised) && !NEEDS_NEW.test(normalised)) return undefined;
  const topic = TOPICS.find(([, pattern]) => pattern.test(normalised));
  return topic ? { kind: 'report', requestType: topic[0] } : undefined;
}
