/**
 * How a message relates to what was said before, read from its form alone (not its subject):
 * - `correction`: "no, I meant ...", "sorry, wrong thing", "not council tax, ...": the last answer was not it;
 * - `newTopic`: "also ...", "different thing, ...", "unrelated but ...": a new subject, whatever the last one was;
 * - `continues`: anaphora ("is it free?", "do they open on sundays?"), ellipsis ("and for a pub?", "what about
 *   batteries", "a mattress too?") or a bare fragment ("sunday?"): it leans on the last topic;
 * - `plain`: nothing in its form says either way.
 */
export type ContextCue = 'correction' | 'newTopic' | 'continues' | 'plain';

/** How a continuing message leans on the topic: "and for a pub?", "sunday?", or "is it free?". */
export type ContinuationForm = 'ellipsis' | 'fragment' | 'anaphora';

/** A message's cue and its words without the markers that carried it (and without any part it negated). */
export interface ContextCues {
  cue: ContextCue;
  /** With `continues`: the form that shows it. */
  form?: ContinuationForm;
  /** The message's own words: correction and new-topic markers, acknowledgements and negated phrases removed. */
  rest: string;
}

const ACKNOWLEDGEMENT =
  /^(?:(?:no (?:problem|worries|bother)|thank you(?: very much| so much)?|thankyou|thanks(?: a lot| very much)?|thank|ok(?:ay)?|right|alright|ta|cheers|great|lovely|brilliant|perfect|good|got it|done|ok done|thats great|nice one)\b[\s,.!]*)+/;
const NEW_TOPIC =
  /^(?:also|and also|plus|another (?:thing|question|one)|(?:a )?different (?:thing|question|subject|topic|matter)|unrelated|something else|(?:i have |ive got )?(?:a |one )?(?:new|other|separate) (?:question|thing|query)|one more thing|on another (?:note|subject)|separately|while im here|next question)\b[\s,.:!-]*(?:(?:but|though|question)\b[\s,.:-]*)?/;
/**
 * Words a correction opens with. A bare "no" must be followed by a pause or by words that answer the bot ("no, ...",
 * "no I meant", "no the other one"), since "no one came" and "no bins collected" are reports, not corrections.
 */
const CORRECTION_LEAD =
  /^(?:(?:(?:nope|nah|sorry|soz|oops|whoops|actually|wait|hang on)\b|no+(?:\s*[,.!;:-]|$|\s+(?=(?:i|im|ive|its|it|sorry|not|thats|that|wrong|actually|mean|meant|the|a|an|my)\b)))[\s,.!;:-]*)+/;
/** "Sorry" alone is often just politeness ("sorry to bother you"): a correction needs more. */
const APOLOGY_ONLY = /^(?:(?:sorry|soz)\b[\s,.!-]*)+$/;
const NEGATION = /\bnot\b|\bmean(?:t)?\b/;
const MEANT = /^(?:i )?(?:meant|ment|mean)\b[\s,:-]*/;
/** What a correction's words may open with once it is known to be one ("no, I wanted the ..."). */
const MEANT_WORDS = /^(?:i )?(?:meant|ment|mean|was asking about|was asking|wanted|want to know about)\b[\s,:-]*/;
const WRONG_SOURCE =
  /\b(?:wrong (?:thing|one|answer|topic|article|page)|not (?:that|it|what i (?:meant|asked|mean|wanted))|thats not (?:it|right|what i (?:meant|asked|mean|wanted)))\b[\s,.!-]*/;
const WRONG = new RegExp(WRONG_SOURCE.source, 'g');
/** A negated phrase at the start of a clause: "not council tax," or ", not the library". */
const NEGATED_CLAUSE =
  /(?:^|,\s*|\band\s+|\bbut\s+)not (?:for |about )?(?:the |a |an |my |your )?[a-z0-9 ]{1,40}?(?=,|$| but\b| i mean\b| i meant\b)/g;
const LEADING_NOT = /^not\b/;

const ELLIPSIS_START =
  /^(?:and|or|but|(?:what|wot|wat) about|how about|what if|same for|same with|and for|and what about|and the|and a|also for)\b/;
const ELLIPSIS_END = /\b(?:too|as well|also|either|instead|then)$/;
const EXISTENTIAL_THERE = /\b(?:is|are|was|were|will|isnt|arent) there\b|\bthere (?:is|are)\b|\btheres\b/g;
const ANAPHORA =
  /\b(?:it|its|itself|that|thats|those|these|this one|them|they|theyre|their|theirs|there|he|him|his|she|her|one|ones|same|such)\b/;
const MAX_FRAGMENT_WORDS = 3;

/** Reads a message's cue: corrections first (they may open with "no"), then new-topic markers, then continuation. */
export function readContextCues(text: string): ContextCues {
  const normalised = normaliseKeepingPunctuation(text);
  const acknowledged = normalised.replace(ACKNOWLEDGEMENT, '');
  const thanked = acknowledged.length < normalised.length;
  const correction = readCorrection(acknowledged);
  if (correction !== undefined) return { cue: 'correction', rest: correction };
  const newTopic = acknowledged.match(NEW_TOPIC);
  if (newTopic && acknowledged.length > newTopic[0].length) {
    return { cue: 'newTopic', rest: acknowledged.slice(newTopic[0].length) };
  }
  // After thanks, "and" only joins a new sentence ("ok, and what's your phone number"): the rest's form decides.
  const joined = thanked ? acknowledged.replace(/^and\b[\s,]*/, '') : acknowledged;
  const form = continuationForm(joined);
  if (form) return { cue: 'continues', form, rest: acknowledged };
  // "Ok thanks. What day are the bins collected?": thanks close the last topic, and a whole question opens one.
  return { cue: thanked && acknowledged !== '' ? 'newTopic' : 'plain', rest: acknowledged };
}

/** The words of a correction once its markers and the negated part are removed, or undefined if it is none. */
function readCorrection(normalised: string): string | undefined {
  const lead = normalised.match(CORRECTION_LEAD);
  const afterLead = lead ? normalised.slice(lead[0].length) : normalised;
  const meant = afterLead.match(MEANT);
  const wrong = WRONG_SOURCE.test(normalised);
  const firmLead = lead !== null && afterLead.length > 0 && (!APOLOGY_ONLY.test(lead[0]) || NEGATION.test(afterLead));
  const isCorrection = firmLead || meant !== null || LEADING_NOT.test(normalised) || wrong;
  if (!isCorrection) return undefined;
  let rest = afterLead.replace(WRONG, ' ').trim();
  rest = rest.replace(MEANT_WORDS, '').replace(CORRECTION_LEAD, '').replace(MEANT_WORDS, '');
  return rest
    .replace(NEGATED_CLAUSE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:!?-]+/, '')
    .trim();
}

function continuationForm(text: string): ContinuationForm | undefined {
  if (text === '') return undefined;
  const plain = text.replace(/[,.;:!?]+$/, '');
  if (ELLIPSIS_START.test(plain) || ELLIPSIS_END.test(plain)) return 'ellipsis';
  if (words(text).length <= MAX_FRAGMENT_WORDS) return 'fragment';
  return ANAPHORA.test(text.replace(EXISTENTIAL_THERE, ' ')) ? 'anaphora' : undefined;
}

/** Lower case, accents and apostrophes dropped ("it's" is "its"), clause punctuation kept. */
function normaliseKeepingPunctuation(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9,.;:!?]+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}

function words(text: string): string[] {
  return text.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}
