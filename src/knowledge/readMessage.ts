import { redactPersonalData } from '../privacy/redactPersonalData';

/** A resident's message made ready for the search, with what the bot should notice about how it was written. */
export interface ReadMessage {
  /**
   * The words to search with: the message less greetings, the resident's name and other names no article uses,
   * personal details (address, postcode, phone, email) and words of feeling, which only dilute the match.
   */
  searchText: string;
  /** The resident sounds upset, worried or angry: the reply acknowledges it in one short sentence first. */
  upset: boolean;
  /**
   * The sentence(s) that ask for something, when the message also tells a story around them; the need found inside
   * the story. Absent when the whole message is the request.
   */
  request?: string;
}

const GREETING =
  /^\s*(?:(?:hi|hello|hey|hiya|heya|howdy|greetings|dear (?:sir|madam|council)[^,.!?]*|good (?:morning|afternoon|evening|day)|morning|afternoon|evening)(?: there| all| team| folks| guys)?[\s,.!:;-]*)+/i;
const SIGN_OFF = /[\s,.!]*(?:thanks?(?: you)?(?: so much| very much)?(?: in advance)?|cheers|many thanks|kind regards|regards|ta)[\s,.!]*$/i;
const SELF_INTRODUCTION = /\b(?:[Ii]'?m|[Ii] am|[Tt]his is|[Mm]y name'?s|[Ii]t'?s)\s+[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?/g;
const TITLE_WORD = /\b[A-Z][a-z'-]+\b/g;

/** Words of feeling: they say how the resident is, not what they need. Matched whole, case-insensitive. */
const FEELINGS = [
  'fed up',
  'sick to death of',
  'sick and tired of',
  'sick of',
  'at the end of my tether',
  'at my wits end',
  'in tears',
  'crying',
  'fuming',
  'furious',
  'livid',
  'angry',
  'annoyed',
  'frustrated',
  'frustrating',
  'upset(?! stomach| tummy)',
  'distressed',
  'scared',
  'frightened',
  'terrified',
  'worried',
  'anxious',
  'panicking',
  'panicked',
  'stressed',
  'devastated',
  'exhausted',
  'desperate',
  'heartbroken',
  'disgusted',
  'appalled',
  'ridiculous',
  'a joke',
  'shocking',
  'disgraceful',
  'not coping',
  'cant cope',
  "can't cope",
  'losing my mind',
  'nervous',
  'gutted',
  'distraught',
  'overwhelmed',
  'beside myself',
  'horrified',
  'outraged',
  'in bits',
  'at a loss',
  'at breaking point',
  'disgusting',
  'a disgrace',
  'beyond a joke',
  'had enough',
  'a nightmare',
  'unacceptable',
  'unbelievable',
  'sick to the back teeth of',
  'pulling my hair out',
  'hacked off',
  'cheesed off',
  'doing my head in',
  'driving me mad',
  'driving me crazy',
  'driving me up the wall',
  'nobody listens',
  'no one listens',
  'nobody cares',
  'no one cares',
  'nobody asked us',
  'nobody asked me',
  'nobody told me',
  'nobody told us',
  'nobody tells you',
  'no one tells you',
  'you lot',
];
const FEELING = new RegExp(
  `\\b(?:(?:i'?m|i am|im|we'?re|we are|feeling|feel|so|really|absolutely|totally|honestly|very|getting|quite|just)\\s+)*(?:${FEELINGS.map(escapeFeeling).join('|')})\\b`,
  'gi',
);
const ASKING =
  /^(?:how|what|whats|what's|when|where|who|which|why|can|could|do|does|did|is|are|will|would|should|may|please|i need|i want|i'd like|id like|we need|we want|help)\b/i;

/**
 * Reads a resident's message as written: greetings and sign-offs, the resident's name ("I'm Sarah"), names of
 * people and places no article knows ("Mark Ellis", "Coronation Street"), personal details and words of feeling are
 * set aside from what is searched; whether the resident sounds upset is noted; and when the message tells a story,
 * the sentences that ask are picked out. `knows` says whether the knowledge base uses a word (any case).
 */
export function readMessage(text: string, knows: (word: string) => boolean): ReadMessage {
  const upset = new RegExp(FEELING.source, 'i').test(text);
  let searchText = redactPersonalData(text).text.replace(/\[[a-z ]+\]/g, ' ');
  searchText = searchText.replace(GREETING, ' ').replace(SIGN_OFF, ' ');
  searchText = searchText.replace(SELF_INTRODUCTION, ' ');
  searchText = dropUnknownNames(searchText, knows);
  searchText = searchText.replace(FEELING, ' ').replace(/\s+/g, ' ').trim();
  const request = requestSentences(searchText);
  return { searchText, upset, ...(request ? { request } : {}) };
}

/**
 * Names of people and places the knowledge base does not know: Title-case words next to another Title-case word
 * ("Mark Ellis", "Coronation Street"). A lone one is kept ("Tesco", "Leeds", "Passport renewal?"): it may be what
 * makes the question one the council cannot answer.
 */
function dropUnknownNames(text: string, knows: (word: string) => boolean): string {
  return text.replace(TITLE_WORD, (word, offset: number) => {
    if (knows(word.toLowerCase())) return word;
    const nextIsName = /^\s+[A-Z][a-z'-]+/.test(text.slice(offset + word.length));
    const previousIsName = /[A-Z][a-z'-]+\s+$/.test(text.slice(0, offset));
    return nextIsName || previousIsName ? ' ' : word;
  });
}

/** The sentences that ask for something, when there are others around them. */
function requestSentences(text: string): string | undefined {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  if (sentences.length < 2) return undefined;
  const asking = sentences.filter((sentence) => sentence.endsWith('?') || ASKING.test(sentence));
  if (asking.length === 0 || asking.length === sentences.length) return undefined;
  return asking.join(' ');
}

/** A feeling as a pattern: plain words escaped, a `(?! ...)` guard kept ("upset" but not "upset stomach"). */
function escapeFeeling(text: string): string {
  const guard = /\(\?!.*\)$/.exec(text)?.[0] ?? '';
  return text.slice(0, text.length - guard.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + guard;
}
