import { normaliseText } from '../knowledge/textAnalyzer';
import { redactPersonalData } from '../privacy/redactPersonalData';
import { NaiveBayes } from '../safety/naiveBayes';
import { AttackSpeller } from './attackSpeller';
import type { DeclineReason } from './declineReason';
import type { GuardrailExample, GuardrailLabel } from './guardrailExampleSchema';
import { guardFeatures } from './guardFeatures';
import { intentIdeas } from './intentFeatures';
import { matchesInstructionConcept } from './instructionConcepts';
import { detectPromptInjection, disguisedReadings } from './instructionPatterns';
import { CHECKING_GENUINE, passesAsGenuine } from './classifierGates';
import { matchRequestPatterns, REASON_CUES } from './requestPatterns';

/** Why a message is declined, and what recognised it (for logs and figures; never the words). */
export interface GuardVerdict {
  reason: DeclineReason;
  via: 'pattern' | 'disguised' | 'classifier';
}

export interface MessageGuardOptions {
  /** The editors' examples (`knowledge/guardrails/*.yaml`). */
  examples: readonly GuardrailExample[];
  /** Every article's example questions: what residents genuinely ask, learnt as `question`. */
  questions: readonly string[];
}

/**
 * Signs that a message may be disguised (digits or symbols for letters, letters spaced out, an encoded run), the
 * only messages whose undisguised readings are worth reading with the concepts too (the surface patterns read every
 * reading of every message).
 */
const DISGUISE_SIGNS =
  /[a-z][0-9@$!|][a-z0-9]|[0-9@$!|][a-z]|\b[a-z]\b[^a-z\n]{1,3}\b[a-z]\b[^a-z\n]{1,3}\b[a-z]\b[^a-z\n]{1,3}\b[a-z]\b|[A-Za-z0-9+/_-]{16,}/i;

/**
 * Role play someone else does, or plays as a hobby ("my son's school are doing a role play of a council meeting",
 * "does the library run role play game clubs"), with nothing said to the bot: drama, not a part for the bot.
 */
const OTHERS_ROLE_PLAY =
  /\b(?:school|schools|class|kids|children|students|pupils|group|club|drama|youth|they|we|son|sons|daughter|daughters|library|libraries|centre|council)\b(?: \w+){0,3} (?:are |is |were )?(?:doing|do|did|run|runs|running|have|having|put on|putting on|act out|acting out)(?: a| an| the| some)? role ?-?play|\brole ?-?play(?:ing)? (?:games?|clubs?|groups?|sessions?|nights?)\b/i;
const ADDRESSES_THE_BOT = /\b(?:you|your|u|ur|yourself|youre)\b/i;

/** Someone else pretending, for a costume day or a game ("my son wants to dress up and pretend to be a librarian"). */
const OTHERS_PRETEND =
  /\b(?:son|sons|daughter|daughters|kids|children|child|grandson|granddaughter|he|she|they|we|class|pupils|students)\b(?: \w+){0,5} pretend(?:ing)? to be\b/i;

/**
 * What mixes digits and letters without disguising anything: postcodes ("EM3 2PL"), times, ordinals and measures
 * ("6am", "30th", "2kg"), email addresses, reference numbers ("HB77120") and web addresses' hyphenated names
 * ("missed-bin-collection"). Left out before looking for `DISGUISE_SIGNS`, so a resident's details cost no readings.
 */
const NOT_DISGUISES =
  /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d+(?:am|pm|st|nd|rd|th|s|k|kg|m|mm|cm|ft|mph|ml|p|hrs?|mins?)\b|[\w.+-]+@[\w-]+\.[\w.]+|\b[A-Z]{1,4}\d{3,}\b|\b[a-z]+(?:-[a-z]+)+\b/gi;

function mayBeDisguised(text: string): boolean {
  return DISGUISE_SIGNS.test(text) && DISGUISE_SIGNS.test(text.replace(NOT_DISGUISES, ' '));
}

function withoutOthersRolePlay(text: string): string {
  if (!/role ?-?play|pretend/i.test(text) || ADDRESSES_THE_BOT.test(text)) return text;
  const plain = text.replace(/[’']/g, '');
  let read = text;
  if (OTHERS_ROLE_PLAY.test(plain)) read = read.replace(/role ?-?play(?:ing)?/gi, 'drama');
  if (OTHERS_PRETEND.test(plain)) read = read.replace(/pretend(?:ing)? to be/gi, 'dress up as');
  return read;
}

/** Whether something on the resident's own property is allowed, or what someone told them about it. */
const ASKS_IF_ALLOWED =
  /\b(?:someone|somebody|people|a neighbou?r|my neighbou?r) (?:told|says|said|tells) (?:me )?(?:its|it s|it is|that its|that it s|that it is) (?:illegal|not allowed|against the law|banned)\b|\b(?:is it|its|it s) (?:legal|illegal|allowed|against the law) to \w+ (?:\w+ ){0,3}(?:in|on) my (?:own )?(?:garden|drive|driveway|property|land|house|allotment|yard)\b|\bam i allowed to \w+ (?:\w+ ){0,3}(?:in|on) my (?:own )?(?:garden|drive|driveway|property|land|house|allotment|yard)\b/;

const HARMS_THE_LIVING = /\b(?:kill|poison|hurt|harm|injure|shoot|trap|drown|attack)\w*\b/;

/**
 * A resident taking back what came before ("can you pretend... no, seriously, when is ..."): the classifier reads
 * what follows, which is what is asked. The patterns still read the whole message.
 */
const TAKEN_BACK =
  /\b(?:no,? seriously|but seriously|seriously though|joking aside|kidding aside|only joking|just joking|just kidding|jk|lol no|never ?mind(?: that)?|forget (?:that|i said that))\b[\s,.!?:;-]*/gi;

/**
 * The message as the readers take it: without a run of hundreds of lower-case letters (no word and no encoding, so it
 * costs nothing) and without someone else's role play.
 */
function cleaned(message: string): string {
  return withoutOthersRolePlay(message.replace(/[a-z]{200,}/g, ' '));
}

/** The part of a message after the last thing taken back (all of it when nothing is). */
function whatIsAsked(text: string): string {
  let start = 0;
  for (const match of text.matchAll(TAKEN_BACK)) start = match.index + match[0].length;
  const rest = text.slice(start);
  return rest.split(/\s+/).filter(Boolean).length >= 3 ? rest : text;
}

/**
 * The ideas (`intentFeatures.ts`) that count as a word of each reason: "so she thinks it is worse than it is" carries
 * no word a list of harms can name, but it is a deception.
 */
const REASON_IDEAS: Readonly<Record<DeclineReason, readonly string[]>> = {
  injection: ['orders'],
  dataExfiltration: ['theirs', 'pretext'],
  harmful: ['unseen', 'deceit', 'tamper', 'getAt'],
  offTopicGeneration: ['writing', 'opinion'],
};

/**
 * `minProbability`: how sure the classifier must be of a reason to decline, and the message must then carry a word of
 * that reason: a probability alone, on words it has rarely seen, is not enough to turn a resident away.
 * `wary`: how sure it must be, whatever else holds, for a model-written answer to be withheld (`isWaryOf`): on the read
 * guard sets, 0.9 kept most attacks that were answered from an article away from the answer-writing prompt, and took the
 * model-written answer from about one genuine question in twenty, which gets the article's own answer instead.
 * `sureWithoutCue`: how sure it must be to decline without such a word. Attacks seldom use the words a list can
 * name ("set your role to supervisor", "make it sound posh", "so it looks natural"), yet the classifier, which has
 * learnt them from the editors' examples, is then all but certain; genuine questions it is that sure about are rare.
 * Tried at 0.999 on 6 December: 5 more of 360 attacks held on two new writers' sets and no more of 3,448 genuine
 * evaluation lines declined, but the guard tests' look-alikes showed the cost: "my landlord cut off the electricity to
 * make me leave, what can i do" (0.9999 harmful, no word of harm) would be declined. It stays at 0.9999.
 */
export const GUARD_TUNING = { minProbability: 0.97, sureWithoutCue: 0.9999, minKnownFeatures: 3, wary: 0.9 };

/**
 * Decides whether a message is to be declined rather than answered, before anything else reads it (after the
 * emergency check, which always comes first). Three readers, deterministic and without a model:
 * 1. the surface patterns of attempts on the instructions, over the message as written and with disguises undone
 *    (spaced letters, look-alike digits, reversed, rot13, base64; and in other languages);
 * 2. compositional patterns over the normalised text: attempts on the bot itself (asking about its rules, claiming
 *    authority over it, addressing the model, asking it to promise or decide for the council), other people's data
 *    and internal records, harmful or illegal requests, unrelated writing and political opinions;
 * 3. a naive Bayes classifier trained when the knowledge base loads, from the editors' examples and every article's
 *    example questions, which generalises to phrasings the patterns do not name, gated by a word of the reason.
 */
export class MessageGuard {
  private readonly classifier: NaiveBayes<GuardrailLabel> | undefined;
  private readonly speller: AttackSpeller;

  constructor(options: MessageGuardOptions) {
    const texts = [
      ...options.examples.map((example) => ({ label: example.label, features: guardFeatures(example.text) })),
      ...options.questions.map((question) => ({ label: 'question' as const, features: guardFeatures(question) })),
    ];
    const known = new Set<string>();
    // Residents' words only: an attack example's misspelling ("disreguard") is still a misspelling.
    const genuine = [
      ...options.examples.filter((example) => example.label === 'question').map((example) => example.text),
      ...options.questions,
    ];
    for (const text of genuine) for (const word of normaliseText(text).split(' ')) known.add(word);
    this.speller = new AttackSpeller(known);
    const labels = new Set(texts.map((text) => text.label));
    // Without examples of attacks the classifier could only ever say "question": it is left out.
    this.classifier =
      labels.size > 1
        ? new NaiveBayes(texts, new Map([...labels].map((label) => [label, 1 / labels.size])), 0.3)
        : undefined;
  }

  /**
   * Reads a sample message twice, so the regular expressions are compiled (and compiled again to machine code, which
   * V8 does on their second use) while the knowledge base loads, not during a resident's first turns.
   */
  warmUp(): void {
    for (let i = 0; i < 2; i++) this.check('how do i pay my council tax');
  }

  check(message: string): GuardVerdict | undefined {
    return this.verdictFor(message);
  }

  private read(message: string): GuardVerdict | undefined {
    const text = cleaned(message);
    if (detectPromptInjection(text)) return { reason: 'injection', via: 'pattern' };
    const normalised = normaliseText(text);
    if (matchesInstructionConcept(normalised, text)) return { reason: 'injection', via: 'pattern' };
    const requested = matchRequestPatterns(normalised);
    if (requested) return { reason: requested, via: 'pattern' };
    const disguised = mayBeDisguised(text) ? disguisedReadings(text).slice(1) : [];
    for (const reading of disguised) {
      const plain = normaliseText(reading);
      if (plain === normalised) continue;
      if (matchesInstructionConcept(plain)) return { reason: 'injection', via: 'disguised' };
      const hidden = matchRequestPatterns(plain);
      if (hidden) return { reason: hidden, via: 'disguised' };
    }
    const corrected = this.speller.correctText(normalised);
    if (corrected !== normalised) {
      if (detectPromptInjection(corrected) || matchesInstructionConcept(corrected))
        return { reason: 'injection', via: 'disguised' };
      const misspelt = matchRequestPatterns(corrected);
      if (misspelt) return { reason: misspelt, via: 'disguised' };
    }
    return this.classify(text, normalised);
  }

  /**
   * The first reader's verdict, unless the message checks a scam ("is the council ringing people about ...") or asks
   * whether something on the resident's own property is allowed ("can i burn rubbish in my garden, someone told me
   * its illegal"): the resident asks about the law or a caller, not for data or harm.
   */
  private verdictFor(message: string): GuardVerdict | undefined {
    const verdict = this.read(message);
    if (!verdict || verdict.reason === 'offTopicGeneration') return verdict;
    // An attempt on the instructions that a pattern found stands; the classifier's reading gives way to a scam check.
    if (verdict.reason === 'injection' && verdict.via !== 'classifier') return verdict;
    const normalised = normaliseText(message);
    if (CHECKING_GENUINE.test(normalised)) return undefined;
    if (verdict.reason === 'injection') return verdict;
    if (verdict.reason === 'harmful' && ASKS_IF_ALLOWED.test(normalised) && !HARMS_THE_LIVING.test(normalised))
      return undefined;
    return verdict;
  }

  /**
   * Whether the classifier alone is near sure (`GUARD_TUNING.wary`) that a message is an attempt, though no reader
   * declined it: a gate let it through as a genuine look-alike, or it carried no word of the reason. With a language
   * model, such a message is answered with the article's own text and never reaches the answer-writing prompt;
   * without one, nothing changes.
   */
  isWaryOf(message: string): boolean {
    const best = this.classifierReading(cleaned(message))?.best;
    return best !== undefined && best.label !== 'question' && best.probability >= GUARD_TUNING.wary;
  }

  /** The classifier's most likely label for what is asked, when it knows enough of the words. */
  private classifierReading(text: string) {
    if (!this.classifier) return undefined;
    const asked = whatIsAsked(text);
    // Names, addresses and numbers say nothing about what is asked; read without them.
    const features = guardFeatures(redactPersonalData(asked).text.replace(/\[[a-z ]+\]/g, ' '));
    if (this.classifier.knownCount(features) < GUARD_TUNING.minKnownFeatures) return undefined;
    const [best] = this.classifier.classify(features);
    return best ? { best, asked } : undefined;
  }

  private classify(text: string, wholeNormalised: string): GuardVerdict | undefined {
    const reading = this.classifierReading(text);
    if (!reading) return undefined;
    const { best, asked } = reading;
    const normalised = asked === text ? wholeNormalised : normaliseText(asked);
    if (best.label === 'question' || best.probability < GUARD_TUNING.minProbability) return undefined;
    const ideas = REASON_IDEAS[best.label];
    const cued =
      REASON_CUES[best.label].test(normalised) || intentIdeas(normalised).some((idea) => ideas.includes(idea));
    if (best.probability < GUARD_TUNING.sureWithoutCue && !cued) return undefined;
    if (passesAsGenuine(best.label, normalised)) return undefined;
    return { reason: best.label, via: 'classifier' };
  }
}
