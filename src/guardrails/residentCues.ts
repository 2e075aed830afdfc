/**
 * What the resident is doing in a message, shared by the family tables, over a message as `normaliseText` leaves it.
 * Each family keeps the variant its patterns need (a family that names the act itself takes a narrower "asking"), built
 * on one core so the common words are defined once.
 */

/** Words of reporting or complaining: the resident tells the council of a wrong. */
const REPORTING_CORE = 'report|reporting|reported|complain|complaint';
/** Someone else tried, or keeps trying: the resident tells of another's act. */
const SOMEONE_TRIED =
  '(?:landlord|they|he|she|someone|somebody|neighbou?rs?|the \\w+) (?:tried|is trying|was trying|keeps trying) to';

function tellsOf(...more: string[]): RegExp {
  return new RegExp(`\\b(?:${[REPORTING_CORE, ...more].join('|')})\\b`);
}

/** Told or reported, for schemes against the council: someone else has done it, or the resident reports it. */
export const TOLD_OF_A_SCHEME = tellsOf(
  'crimestoppers',
  SOMEONE_TRIED,
  'someone (?:has|is|keeps|was)',
  'somebody (?:has|is|keeps|was)',
  'they (?:have|are|keep|were)',
  'people (?:keep|are|have)',
);

/** Told or reported, for mischief: someone did it (kids, youths), or something got damaged. */
export const TOLD_OF_MISCHIEF = tellsOf(
  'crimestoppers',
  'someone (?:has|is|keeps|was|did|tried)',
  'somebody (?:has|is|keeps|was|did|tried)',
  '(?:they|kids|youths|people) (?:have|are|keep|were|did|tried)',
  'got (?:keyed|scratched|smashed|vandalised)',
  '(?:someone|somebody|they) (?:\\w+ )?(?:broke|break|broken|smashed|stole|damaged)',
);

/** Told or reported, for concealment: a message received, a caller, someone else hiding or pretending. */
export const TOLD_OF_CONCEALMENT = tellsOf(
  '(?:got|received|had|been sent) (?:a |an |this |some )?(?:text|email|letter|call|message|phone call)',
  SOMEONE_TRIED,
  'someone (?:has|is|keeps|was|did)',
  'somebody (?:has|is|keeps|was|did)',
  'a (?:man|woman|person|caller) (?:came|rang|called|said)',
  '(?:they|he|she) (?:have|has|keep|keeps|were|was) (?:been )?(?:hiding|pretending)',
);

/** Told of harm done to the resident or others, or asked how to prevent it: for the lexicons of crimes. */
export const TOLD_OF_HARM = tellsOf(
  'crimestoppers',
  'victim',
  'been (?:scammed|robbed|burgled|mugged|stabbed|harassed|stalked|poisoned)',
  '(?:someone|somebody|they|he|she|my neighbou?rs?|next door|my ex|a man|a woman|kids) (?:has|have|is|are|keeps?|kept|tried|trying|been|had|was|were)',
  'protect',
  'prevent',
  'stop (?:people|someone|them|kids)',
  'avoid being',
  'safe from',
  'warning signs',
);

/** Asking how or what, or meaning to: the core every family's "asking" shares. */
const ASKING_CORE = 'how|what|whats|which|where|wheres|help me|want to|going to|gonna';

/**
 * Asking, or planning to ("make"), narrowly: no "need", "is there" or a bare "can", since the families that take it
 * name the act itself and a bare need is often the resident's own.
 */
export const ASKING_OR_PLANNING = new RegExp(
  `\\b(?:${ASKING_CORE}|when|best|way|ways|trick|tips?|can i|could i|should i|make)\\b`,
);

/** Asking or planning, more loosely ("can", "need to", "is it ok", "any good"): for concealment, named by its aim. */
export const ASKING_OR_PLANNING_LOOSELY = new RegExp(
  `\\b(?:${ASKING_CORE}|can|could|should|best way|tips|need to|wanna|planning to|is it ok|any good|if i|if we|would it|will it|would they|will they|whod|who d|who would)\\b`,
);

/** Asking whom to contact for something ("which team should he ring to be given the new one"). */
export const WHO_TO_CONTACT =
  /\b(?:which|what) (?:team|department|office|service|number|person)\b (?:\w+ ){0,6}(?:should|do|can|could|would) (?:i|we|he|she|they) (?:ring|call|phone|contact|ask|email|speak to)\b|\bwho (?:do|should|can|could) (?:i|we|he|she|they) (?:ring|call|phone|contact|ask|speak to)\b/;

/**
 * A current booking of the resident's own ("we've booked the hall for saturday", "booking ref HALL-22"), so a code for it
 * is theirs to ask for; not one from last year, and not when they say there is no need to book.
 */
export const BOOKED_BY_RESIDENT =
  /^(?!.*\b(?:no need to book|without booking|not booked|havent booked)\b).*\b(?:i|we|ive|weve)(?: ve| have)? (?:booked|hired)\b(?!.{0,40}\blast (?:year|summer|month|week|time)\b)|\bmy booking\b|\bbooking ref\w*\b/;
