import { AnchorIndex } from './anchorIndex';
import { compileRiskPattern, type RiskAnchor, riskPatternAnchor } from './compileRiskPattern';
import { NaiveBayes, type TrainingText } from './naiveBayes';
import { RISK_CONCEPTS } from './riskConcepts';
import { RISK_LOOK_ALIKES } from './riskLookAlikes';
import {
  DISTANT_PAST,
  JUST_HAPPENED,
  LATER,
  HAZARD_CATEGORIES,
  LONG_PAST,
  NOW_ONLY_CATEGORIES,
  RISK_PATTERNS,
  type SignalStrength,
} from './riskPatterns';
import type { SafetyExample, SafetyLabel } from './safetyExampleSchema';
import { readSafetyText, safetyStem } from './safetyText';
import { englishWords } from './englishWords';
import { SignalSpeller } from './signalSpeller';
import { SPELLING_TARGETS } from './spellingTargets';
import { TEXT_SPEAK } from './textSpeak';
import { STOP_WORDS } from '../knowledge/stopWords';
import type { UrgentCategory } from './urgentCategory';

/**
 * An emergency found in a message. `certainty: 'sure'` means signpost at once; `check` is the middle band (signals
 * present but not clear), where the bot first asks whether anyone is in danger now, with 999 shown.
 */
export interface UrgentDetection {
  category: UrgentCategory;
  certainty: SignalStrength;
}

/** What the detector learns from: example messages, routine questions residents ask, and words it knows. */
export interface UrgentDetectorOptions {
  examples?: readonly SafetyExample[];
  /** Everyday questions (the articles' example questions): more routine examples for the classifier. */
  routineQuestions?: readonly string[];
  /** Correctly spelt words (the knowledge base's), never "corrected" towards a risk word. */
  knownWords?: Iterable<string>;
}

/** Least probability of an emergency class for the classifier alone to flag a clause (the check band). */
const CLASSIFIER_CHECK = 0.98;
/** Most messages are routine: the classifier's prior belief before it reads a word. */
const ROUTINE_PRIOR = 0.95;
/** Add-alpha smoothing, chosen with the other two on the development sets (classifier alone, lexicon off). */
const SMOOTHING = 0.3;
/** The classifier speaks only about clauses with at least this many words it has seen. */
const CLASSIFIER_MIN_KNOWN = 2;

/** A pattern with its anchor; its expression is compiled the first time a message holds the anchor. */
class LazyPattern {
  private compiled: RegExp | undefined;
  readonly anchor: RiskAnchor | undefined;

  constructor(
    readonly pattern: string,
    private readonly flags = '',
  ) {
    this.anchor = riskPatternAnchor(pattern, RISK_CONCEPTS, safetyStem);
  }

  get regex(): RegExp {
    this.compiled ??= new RegExp(compileRiskPattern(this.pattern, RISK_CONCEPTS, safetyStem).source, this.flags);
    return this.compiled;
  }
}

interface CompiledPattern {
  category: UrgentCategory;
  strength: SignalStrength;
  pattern: LazyPattern;
}

/**
 * Recognises emergencies and safeguarding concerns however they are written: a lexicon of risk signals combined
 * compositionally (actor + harm + victim, hazard + now) over stemmed, spell-tolerant text, with routine look-alikes
 * set aside, and a naive Bayes classifier trained from the knowledge base's example messages, read clause by
 * clause so one alarming clause is not diluted by a routine request. Built when the knowledge base loads; pure
 * and fast after that (well under a millisecond a message).
 */
export class UrgentDetector {
  private readonly patterns: CompiledPattern[];
  private readonly patternIndex: AnchorIndex;
  private readonly lookAlikes: LazyPattern[];
  private readonly lookAlikeIndex: AnchorIndex;
  private readonly longPast: RegExp;
  private readonly distantPast: RegExp;
  private readonly later: RegExp;
  private readonly justHappened: RegExp;
  private readonly now: RegExp;
  private readonly welfareCue: RegExp;
  private readonly speller: SignalSpeller;
  private readonly classifier: NaiveBayes<SafetyLabel> | undefined;

  constructor(options: UrgentDetectorOptions = {}) {
    const known = new Set(options.knownWords ?? []);
    for (const word of [...TEXT_SPEAK.keys(), ...STOP_WORDS]) known.add(word);
    this.speller = new SignalSpeller(SPELLING_TARGETS, known, safetyStem, englishWords());
    this.patterns = RISK_PATTERNS.map((p) => ({
      category: p.category,
      strength: p.strength,
      pattern: new LazyPattern(p.pattern),
    }));
    this.patternIndex = new AnchorIndex(this.patterns.map(({ pattern }) => pattern.anchor));
    this.longPast = new RegExp(`(?<= )(?:${LONG_PAST.split(' OR ').map(compileBody).join('|')})`);
    this.distantPast = new RegExp(`(?<= )(?:${DISTANT_PAST.split(' OR ').map(compileBody).join('|')})`);
    this.later = new RegExp(`(?<= )(?:${LATER.split(' OR ').map(compileBody).join('|')})`);
    this.justHappened = new RegExp(`(?<= )(?:${JUST_HAPPENED.split(' OR ').map(compileBody).join('|')})`);
    this.now = new RegExp(
      `(?<= )(?:${compileBody('{now}|again|keeps|keep|is_still|are_still|still_outside|still_here|still_there|still_in')})`,
    );
    this.welfareCue = new RegExp(`(?<= )(?:${compileBody('{welfareCue}')})`);
    this.lookAlikes = RISK_LOOK_ALIKES.map((pattern) => new LazyPattern(pattern, 'g'));
    this.lookAlikeIndex = new AnchorIndex(this.lookAlikes.map((lookAlike) => lookAlike.anchor));
    this.classifier = this.train(options.examples ?? [], options.routineQuestions ?? []);
  }

  detect(text: string): UrgentDetection | undefined {
    const read = readSafetyText(text, this.speller);
    const sentences = read.sentences.map((words) => this.setAsideLookAlikes(words));
    const current = sentences.filter((sentence) => !this.longPast.test(sentence));
    const recent = sentences.filter((sentence) => !this.distantPast.test(sentence) || this.now.test(sentence));
    const tonight = sentences.filter((sentence) => !this.isLaterOnly(sentence));
    const words = new Set(sentences.flatMap((sentence) => sentence.split(' ')));
    const candidates = this.patternIndex.candidates(words);
    let checkSignal: UrgentDetection | undefined;
    for (const [index, { category, strength, pattern }] of this.patterns.entries()) {
      if (!candidates[index]) continue;
      if (strength === 'check' && checkSignal) continue;
      const scope = HAZARD_CATEGORIES.has(category)
        ? current
        : NOW_ONLY_CATEGORIES.has(category)
          ? recent
          : category === 'homelessTonight'
            ? tonight
            : sentences;
      if (!scope.some((sentence) => pattern.regex.test(sentence))) continue;
      if (strength === 'sure') return { category, certainty: 'sure' };
      checkSignal = { category, certainty: 'check' };
    }
    if (checkSignal) return checkSignal;
    const learned = this.classify(read.clauses.map((clause) => this.setAsideLookAlikes(clause)));
    if (!learned || learned.probability < CLASSIFIER_CHECK) return undefined;
    // Someone elderly, disabled or living alone is a fact, not a concern: the classifier's welfare reading needs a
    // sign of harm, absence or neglect somewhere in the message ("lives alone, can she get a blue badge" is routine).
    if (learned.category === 'adultWelfare' && !sentences.some((sentence) => this.welfareCue.test(sentence)))
      return undefined;
    return { category: learned.category, certainty: 'check' };
  }

  /** Speaks of a day still to come, with nothing about now or the last hours. */
  private isLaterOnly(text: string): boolean {
    return this.later.test(text) && !this.now.test(text) && !this.justHappened.test(text);
  }

  private setAsideLookAlikes(words: readonly string[]): string {
    const candidates = this.lookAlikeIndex.candidates(words);
    let text = ` ${words.join(' ')} `;
    this.lookAlikes.forEach((lookAlike, index) => {
      if (candidates[index]) text = text.replace(lookAlike.regex, (match) => match.replace(/[a-z0-9]+/g, 'x'));
    });
    return text;
  }

  private classify(clauses: readonly string[]): { category: UrgentCategory; probability: number } | undefined {
    if (!this.classifier) return undefined;
    let best: { category: UrgentCategory; probability: number } | undefined;
    for (const clause of clauses) {
      const features = featuresOf(clause);
      if (this.classifier.knownCount(features) < CLASSIFIER_MIN_KNOWN) continue;
      const top = this.classifier.classify(features)[0];
      if (!top || top.label === 'routine') continue;
      if (HAZARD_CATEGORIES.has(top.label) && this.longPast.test(clause)) continue;
      if (top.label === 'homelessTonight' && this.isLaterOnly(clause)) continue;
      if (!best || top.probability > best.probability) best = { category: top.label, probability: top.probability };
    }
    return best;
  }

  private train(
    examples: readonly SafetyExample[],
    routineQuestions: readonly string[],
  ): NaiveBayes<SafetyLabel> | undefined {
    if (!examples.some((example) => example.label !== 'routine')) return undefined;
    const texts: TrainingText<SafetyLabel>[] = [];
    const add = (label: SafetyLabel, text: string): void => {
      // Look-alikes are not set aside here: training texts are many, and their words are only counted.
      const words = readSafetyText(text, this.speller).sentences.map((sentence) => sentence.join(' '));
      texts.push({ label, features: featuresOf(words.join(' . ')) });
    };
    for (const example of examples) add(example.label, example.text);
    for (const question of routineQuestions) add('routine', question);
    const emergencies = examples.filter((example) => example.label !== 'routine').length;
    const categories = new Set(examples.map((example) => example.label)).size - 1;
    const priors = new Map<SafetyLabel, number>();
    for (const label of new Set(texts.map((t) => t.label)))
      priors.set(label, label === 'routine' ? ROUTINE_PRIOR : (1 - ROUTINE_PRIOR) / Math.max(1, categories));
    return emergencies > 0 ? new NaiveBayes(texts, priors, SMOOTHING) : undefined;
  }
}

/** One pattern's expression without its leading "word starts here" guard, to join many into one. */
function compileBody(pattern: string): string {
  return compileRiskPattern(pattern, RISK_CONCEPTS, safetyStem).source.replace(/^\(\?<= \)/, '');
}

const STOP_STEMS: ReadonlySet<string> = new Set(STOP_WORDS.map((word) => safetyStem(word)));

/** Stemmed words and adjacent pairs, leaving out words set aside as look-alikes. */
function featuresOf(text: string): string[] {
  const features: string[] = [];
  for (const sentence of text.split(' . ')) {
    const words = sentence.split(' ').filter((word) => word.length > 0);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      if (word !== 'x' && !STOP_STEMS.has(word)) features.push(word);
      const next = words[i + 1];
      if (next !== undefined && word !== 'x' && next !== 'x') features.push(`${word}_${next}`);
    }
  }
  return features;
}
