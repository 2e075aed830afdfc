import { anyOf, type AnyOf } from './anyOf';

/** Why a message was taken as an attempt to change the bot's instructions or extract them. */
export type InjectionKind = 'override' | 'extraction' | 'rolePlay' | 'markup';

export interface PromptInjection {
  kind: InjectionKind;
  /** How it was written: in plain words, or hidden (spaced letters, look-alike digits, reversed, base64, rot13). */
  via: 'plain' | 'obfuscated' | 'encoded';
}

const VERB =
  "(?:ignore|ignoring|disregard|disregarding|forget|forgetting|override|overriding|bypass|abandon|discard|neglect|set aside|throw away|stop following|don't follow|do not follow|dont follow|stop obeying)";
const FILLER =
  '(?:the|of|and|to|everything|anything|else|what|you|were|have|been|told|said|given|before|so|far|about|just|please|now|kindly|completely|entirely|totally|that|i|we)';
const PREVIOUS =
  '(?:all|any|every|your|ur|yr|these|those|previous|prior|above|earlier|preceding|foregoing|original|initial|system|existing|old|safety|default|other|following)';
const INSTRUCTIONS =
  '(?:instructions?|rules|prompts?|guidelines|directives|directions|orders|commands|programming|constraints|guardrails|training|restrictions|system message)';

/** Telling the bot to drop what it was told, in English. */
const OVERRIDE = [
  new RegExp(
    `\\b${VERB}\\s+(?:${FILLER}\\s+){0,3}${PREVIOUS}\\s+(?:(?:${FILLER}|${PREVIOUS})\\s+){0,3}${INSTRUCTIONS}\\b`,
  ),
  /\b(?:ignore|disregard|forget) (?:everything|all|anything|what) (?:(?:you were|you've been|you have been) )?(?:told|written|given|above|prior|so far|until now)\b/,
  /\bforget (?:everything|all) (?:you know|above|before)\b/,
  /\b(?:ignore|disregard|forget|overlook) (?:all|any|every|everything)\b(?: \w+){0,4} (?:instructions|directions|directives|prompts?)\b/,
  /\b(?:ignore|disregard|forget|overlook|nevermind|never mind) (?:all |everything |any(?:thing)? )?(?:of )?(?:the )?(?:above|foregoing|preceding)\b/,
  /\b(?:ignore|disregard|forget|overlook) (?:all |any |the )?(?:previous|prior|earlier|preceding) (?:text|content|context|prompt|input|conversation|directions|messages and|and)\b/,
  /\b(?:new|updated|revised|real|true|actual|secret|hidden|override) (?:instructions?|system prompt|rules|directive|task)\s*(?::|-|–|—)/,
  /\byour (?:new|real|true|actual|only) (?:task|role|instructions?|job|goal|purpose|mission|persona|name) (?:is|are|will be|from now)\b/,
  /\bfrom now on,? (?:you|respond|reply|answer|talk|speak|only|always|act|behave|ignore|never|say|write|output)\b/,
  /\b(?:respond|reply|answer|output|say) (?:only )?(?:with|by saying|exactly|the words|the phrase)\s+["']/,
  /\bi have been (?:pwned|hacked|owned)\b|\bpwned\b/,
  /\b(?:developer|god|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|debug|admin|sudo|dan|evil|root|supervisor|superuser|super user|privileged|staff|engineer|engineering) mode\b/,
  // Staff access claimed for the chat ("treat this user as staff access level 3").
  /\b(?:secret|hidden|special) ['"]?(?:\w+ )?mode\b|\byour (?:boss|manager|developers?|owners?|creators?|admins?|programmers?) (?:has |have )?(?:just )?(?:messaged|said|says|told|emailed|texted|confirmed)\b.{0,40}\b(?:it'?s|its|that'?s|thats) (?:allowed|ok|okay|fine|approved)\b/,
  /\b(?:pretend|imagine) (?:you'?re|youre|ur|u r|you are|to be) (?:dan|an? (?:ai|bot|chatbot|assistant) (?:with|without) no rules)\b/,
  /\btreat (?:this user|this resident|this customer|the user|the resident|me|this chat|this person|this session) as (?:a |an )?(?:staff|admin|administrator|officer|supervisor|developer|internal|privileged|trusted|verified)\b|\baccess level \d\b/,
  // Which model, and on what settings, the bot runs.
  /\b(?:which|what) (?:ai |language |llm |exact )?model (?:are|r) (?:you|u)\b|\b(?:temperature|top p|max tokens|sampling settings)\b.{0,40}\b(?:you|u|got you|have you|set you)\b|\b(?:you|u)\b.{0,40}\b(?:temperature|top p|max tokens) (?:setting|settings|set to|are you)\b|\bone of (?:those|them|these) (?:open source|open weight|ai|llm|language) models?\b/,
  /\bjail ?break/,
  /\bdo anything now\b/,
  /\b(?:answer|respond|reply|talk|speak|act|operate|behave|be|work) (?:\w+ ){0,2}(?:without|with no) (?:any )?(?:restrictions|filters?|rules|censorship|limits|limitations|guardrails|safeguards)\b/,
  /\bwithout (?:any )?(?:censorship|filters|guardrails|safeguards|content polic(?:y|ies))\b|\b(?:unfiltered|uncensored) (?:answer|response|reply|version|ai|assistant|mode)\b/,
  /\b(?:remove|disable|turn off|lift|drop|switch off) (?:all )?(?:of )?your (?:restrictions|filters?|rules|censorship|limits|guardrails|safety|safeguards|programming)\b/,
  /\b(?:override|bypass|circumvent|get around|evade) (?:your|the|all|any|its) (?:filters?|safety|restrictions|guardrails|safeguards|programming|security|content polic(?:y|ies)|rules)\b/,
  /\b(?:enable|enter|activate|switch to|unlock) (?:developer|god|admin|debug|unrestricted|sudo|root) (?:mode|access)\b/,
];

/** Asking for the bot's instructions or prompt. */
const EXTRACTION = [
  /\b(?:system|hidden|secret|developer|pre ?prompt|master|meta|initial|original|internal|base|full) prompt\b/,
  /\b(?:system|hidden|secret|developer) (?:instructions|message|directives?|configuration|rules)\b/,
  /\bsystem ?prompt\b/,
  /\b(?:print|show|reveal|repeat|output|display|dump|leak|tell me|give me|write out|list|copy|paste|recite|spell out|translate|share|expose|disclose|send me|read out|read me|summari[sz]e|what (?:is|are|were)|whats) (?:me |us )?(?:all |exactly |verbatim |word for word )?(?:of )?your (?:prompt|prompts|instructions(?! (?:for|on|about) )|programming|directives|system message|initial message|configuration|config|training data|guardrails)\b/,
  /\b(?:print|repeat|output|show|display|recite|copy|dump|reveal) (?:me |us )?(?:everything|all|the (?:text|words|lines|content|message|messages|conversation)|what(?:'s| is| was)? (?:written|said)) (?:above|before|earlier|so far|prior)\b/,
  /\b(?:text|words|content|everything|message|messages) (?:above|before) (?:this|my) (?:line|message|question|point)\b/,
  /\b(?:beginning|start) of (?:this|the|our) (?:prompt|context)\b/,
  /\bwhat (?:were|was|have|had) you (?:been )?(?:told|instructed|programmed|prompted) (?:to|before|at the start|initially|first)\b/,
  /\bhow (?:were|have) you (?:been )?(?:programmed|prompted|instructed|configured)\b/,
  /\b(?:your|the) prompt\b(?! payment)/,
  /\b(?:instructions|rules|guidelines) (?:you (?:were|have been) given|you were told|they gave you|given to you|you were programmed with)\b/,
];

/** Asking the bot to become someone or something else. */
const ROLE_PLAY = [
  /\byou(?:'re| are| r) (?:now|no longer|not (?:a|an) (?:council|assistant|bot)|unrestricted|unfiltered|dan|an? (?:ai|assistant|chatbot|bot|model) (?:without|with no|that has no|that ignores|free))\b/,
  /\b(?:pretend|imagine) (?:to be|you(?:'re| are| were)|your (?:my|a|an|the)|that you(?:'re| are| were)|you can|you have no|being)\b/,
  /\bact (?:as|like) (?:if )?(?:you(?:'re| are| were)|an? (?:ai|assistant|chat ?bot|bot|language model|llm|different|new|unrestricted|unfiltered|evil|hacker|character|persona|jailbroken|linux|terminal|pirate)|my (?:late |dead |deceased )?(?:grandma|grandmother|granny|nan)|dan)\b/,
  /\brole ?-?play(?:ing)?\b|\bplay the (?:role|part) of\b|\bstay in character\b|\bin character as\b/,
  /\b(?:let'?s|we will|we'll|lets) play a game (?:where|in which|called)\b/,
  /\bsimulate (?:an?|being) (?:ai|chatbot|bot|assistant|model|terminal|different|unrestricted)\b/,
  /\b(?:switch|change) your (?:persona|personality|role|character|identity)\b/,
];

/** Chat-template and prompt-format markup that only makes sense to a language model. */
const MARKUP = [
  /<\|?\s*(?:im_start|im_end|system|endoftext|assistant|user)\s*\|?>/i,
  /\[\/?(?:inst|system|sys)\]|<<\/?sys>>/i,
  /<\/?\s*(?:system|instructions?|prompt|admin)\s*>/i,
  /(?:^|\n)\s*(?:system|assistant|developer)\s*:\s*\S/i,
  // An instruction hidden in a page comment, for a model reading the markup.
  /<!--[^]{0,300}?\b(?:assistant|system|ai|bot|chatbot|model|llm|instructions?)\b[^]{0,300}?-->/i,
  // A system note slipped into the middle of a message, after a sentence or inside quoted text.
  /[.!?"'“”]\s*(?:system|admin|administrator|developer|assistant)(?: (?:note|message|notice|instruction|override|update))?\s*:\s*(?:new|ignore|instructions?|override|from now|tell|say|reply|respond|you|the (?:assistant|bot|ai|model|reader|resident|user))\b/i,
  /(?:^|\n)\s*#{2,}\s*(?:system|instructions?|new instructions|prompt)\b/i,
  /\b(?:begin|end) (?:of )?(?:system )?(?:prompt|instructions)\b/i,
];

/**
 * The same attempts in other languages residents write in (Welsh, French, Spanish, Portuguese, Italian, German,
 * Dutch, Polish, Romanian), read without accents: "ignore your previous instructions", "show me your system
 * prompt", "you are now".
 */
const OTHER_LANGUAGES = [
  /\b(?:ignorez|ignores|ignora|ignorar|ignorate|ignoriere|ignorieren|ignorier|negeer|negeren|ignoreer|vergeet|vergeten|zignoruj|zapomnij|игнорируй|игнорируйте|забудь|забудьте|ignorati|oublie|oubliez|olvida|olvidar|olvide|vergiss|vergessen|dimentica|dimenticare|esqueca|esquece|anwybydda|anwybyddu|anghofia)\b.{0,40}\b(?:instructions?|instrucciones|instrucoes|anweisungen|vorgaben|regeln|istruzioni|regole|instructies|regels|instrukcje|polecenia|правила|инструкции|instructiunile|consignes|regles|reglas|regras|cyfarwyddiadau|rheolau|prompt)\b/,
  /\bignore (?:toutes |tous )?(?:les|tes|vos) (?:\w+ )?(?:instructions|consignes|regles)\b/,
  /\bprompt (?:systeme|del sistema|di sistema|do sistema|systemowy)\b|\bsystemprompt\b|\bsysteemprompt\b|\b(?:mensaje del sistema|messaggio di sistema|systemnachricht|message systeme)\b/,
  /\b(?:montre|affiche|revele|dis)[- ]?(?:moi )?(?:tes|vos) (?:instructions|consignes|regles)\b/,
  /\b(?:muestra(?:me)?|revela(?:me)?|dime) (?:tus|sus) (?:instrucciones|reglas)\b/,
  /\b(?:zeig(?:e)?|verrate|nenne) (?:mir )?(?:deine|ihre) (?:anweisungen|regeln|vorgaben)\b/,
  /\b(?:mostra(?:mi)?|rivela(?:mi)?) (?:le tue|i tuoi) (?:istruzioni|regole)\b/,
  /\b(?:tu es|vous etes) (?:maintenant|desormais)\b|\b(?:ahora eres|a partir de ahora eres)\b|\bdu bist (?:jetzt|nun|ab jetzt)\b|\b(?:ora sei|adesso sei)\b|\bagora voce e\b|\brwyt ti nawr\b|\bjij bent nu\b|\bteraz jestes\b/,
  /\b(?:mode developpeur|modo desarrollador|entwicklermodus|modalita sviluppatore|modo desenvolvedor|tryb dewelopera)\b/,
  // "your instructions", "system instructions" with no verb, as "your instructions" alone is read in English.
  /\b(?:deine|ihre|deinen|tes|vos|tus|sus|tuoi|tue|tua|tuas|suas|twoje|tale|jouw|eich) (?:\w+ )?(?:anweisungen|systemanweisungen|vorgaben|instructions|consignes|instrucciones|istruzioni|instrucoes|instrukcje|instructiunile|instructies|cyfarwyddiadau)\b|\b(?:systemanweisung(?:en)?|systemvorgaben|instructions systeme|instrucciones del sistema|istruzioni di sistema|instrucoes do sistema|instrukcje systemowe|systeeminstructies)\b/,
];

const PATTERNS: readonly { kind: InjectionKind; pattern: AnyOf }[] = [
  { kind: 'markup', pattern: anyOf(MARKUP) },
  { kind: 'extraction', pattern: anyOf(EXTRACTION) },
  { kind: 'override', pattern: anyOf([...OVERRIDE, ...OTHER_LANGUAGES]) },
  { kind: 'rolePlay', pattern: anyOf(ROLE_PLAY) },
];
const ANY_MARKUP = anyOf(MARKUP);

/**
 * Detects an attempt to change the bot's instructions, make it play another part, or extract its prompt, before
 * anything reaches a language model. Deterministic and cheap, so it runs on every message in model mode. It reads
 * the message as written and as it would be after common disguises are undone: accents, zero-width and look-alike
 * characters, spaced or dotted letters ("i g n o r e"), digits for letters ("1gn0r3"), reversed text, base64 and
 * rot13. It looks for the shape of an instruction to the bot ("ignore your previous instructions"), not for single
 * words, so a question that merely mentions "ignore" or "instructions" is not one.
 */
export function detectPromptInjection(text: string): PromptInjection | undefined {
  const plain = normalise(text);
  const markupHit = ANY_MARKUP.test(text);
  if (markupHit) return { kind: 'markup', via: 'plain' };
  const plainHit = match(plain);
  if (plainHit) return { kind: plainHit, via: 'plain' };
  // Most readings of an undisguised message are the message again: each distinct reading is read once.
  const read = new Set([plain]);
  for (const variant of disguisedVariants(text, plain)) {
    if (read.has(variant)) continue;
    read.add(variant);
    const hit = match(variant);
    if (hit) return { kind: hit, via: 'obfuscated' };
  }
  for (const decoded of decodedPayloads(text)) {
    const hit = match(normalise(decoded)) ?? (ANY_MARKUP.test(decoded) ? 'markup' : undefined);
    if (hit) return { kind: hit, via: 'encoded' };
  }
  return undefined;
}

/**
 * The message as written and with each common disguise undone (spaced letters, look-alike digits, reversed, rot13,
 * base64 or hex payloads), for the other readers of attempts (`instructionConcepts.ts`).
 */
export function disguisedReadings(text: string): string[] {
  const plain = normalise(text);
  return [plain, ...disguisedVariants(text, plain), ...[...decodedPayloads(text)].map(normalise)];
}

function match(normalised: string): InjectionKind | undefined {
  for (const { kind, pattern } of PATTERNS) {
    if (pattern.test(normalised)) return kind;
  }
  if (CYRILLIC.test(normalised) && CYRILLIC_OVERRIDE.test(normalised)) return 'override';
  return undefined;
}

/**
 * Russian and Ukrainian ("игнорируй все правила", read with its breves taken off), read apart and only when the message
 * has Cyrillic letters: no \b, which knows only Latin letters, and joined with the Latin patterns it made every
 * reading about twice as slow.
 */
const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_OVERRIDE = /(?:игнориру|забуд|ігнору)[^.!?]{0,40}(?:правил|инструкци|інструкці)/;

/** Lower case, accents and zero-width characters removed, quotes straightened, spaces collapsed. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Six or more letters written one by one ("i g n o r e"), where words can no longer be told apart. */
const SPACED_OUT = /(?:\b[a-z]\b[^a-z]{1,3}){6,}/;
const SPACELESS_PHRASES = [
  'ignorepreviousinstructions',
  'ignoreallpreviousinstructions',
  'ignoreallinstructions',
  'ignoreyourinstructions',
  'ignoreyourpreviousinstructions',
  'disregardpreviousinstructions',
  'disregardyourinstructions',
  'forgetyourinstructions',
  'forgetpreviousinstructions',
  'printyoursystemprompt',
  'showyoursystemprompt',
  'revealyoursystemprompt',
  'systemprompt',
  'developermode',
  'jailbreak',
];

const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

const COMMON_WORD =
  /\b(?:the|a|an|and|to|my|i|is|of|for|in|on|at|it|you|how|what|when|where|can|do|bin|bins|council|tax|please|thanks)\b/;

/** The message with common disguises undone, each a separate reading. */
function* disguisedVariants(original: string, plain: string): Generator<string> {
  // Wide gaps separate words when letters are spaced out ("i g n o r e   p r e v i o u s"): keep them as words.
  const marked = normalise(original.replace(/\s{2,}/g, ' \ue000 '));
  const joinedLetters = marked
    .replace(/\b(?:[a-z0-9@$!][.\-_*·, ]){2,}[a-z0-9@$!]\b/g, (run) => run.replace(/[.\-_*·, ]/g, ''))
    .replace(/\s*\ue000\s*/g, ' ');
  yield joinedLetters;
  if (SPACED_OUT.test(plain)) {
    const letters = plain.replace(/[^a-z]/g, '');
    if (SPACELESS_PHRASES.some((phrase) => letters.includes(phrase))) yield 'ignore previous instructions';
  }
  const lookAlikes = (value: string) =>
    value.replace(/[a-z0-9@$!|]+/g, (word) =>
      /[a-z]/.test(word) ? word.replace(/[0-9@$!|]/g, (c) => LOOK_ALIKES[c] ?? c) : word,
    );
  yield lookAlikes(plain);
  yield lookAlikes(joinedLetters);
  // "a11" is "all" as often as "aii": both ones read as l.
  yield lookAlikes(plain).replace(/\baii\b/g, 'all');
  yield plain.replace(/[^a-z0-9' ]+/g, '').replace(/\s+/g, ' ');
  // Reversed or rot13 text has none of the commonest words; a message with them is read as written.
  if (COMMON_WORD.test(plain)) return;
  yield [...plain].reverse().join('');
  yield normalise(rot13(original));
}

/** Base64 (and base64url) runs in the message decoded as text, when they decode to readable words. */
function* decodedPayloads(text: string): Generator<string> {
  for (const run of text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const printable = decoded.replace(/[^\x20-\x7e\s]/g, '');
    if (decoded.length >= 8 && printable.length / decoded.length > 0.9 && /[a-z]{3,}/i.test(decoded)) yield decoded;
  }
  for (const run of text.match(/\b(?:[0-9a-f]{2}){8,}\b/gi) ?? []) {
    const decoded = Buffer.from(run, 'hex').toString('utf8');
    if (/^[\x20-\x7e\s]+$/.test(decoded)) yield decoded;
  } // Escaped code points ("\u0069\u0067\u006e...", "&#105;&#103;", "%69%67"): the whole message with them written out.
  if (/\\u[0-9a-f]{4}|&#x?[0-9a-f]{2,5};|(?:%[0-9a-f]{2}){3,}/i.test(text)) {
    const unescaped = text
      .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/&#x([0-9a-f]{2,5});/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#([0-9]{2,6});/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
        try {
          return decodeURIComponent(run);
        } catch {
          return run;
        }
      });
    if (unescaped !== text) yield unescaped;
  }
}

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}
