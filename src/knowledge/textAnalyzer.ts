import stem from 'wink-porter2-stemmer';
import type { SpellingCorrector } from './spellingCorrector';
import { STOP_WORDS } from './stopWords';
import type { Vocabulary } from './vocabularySchema';
import { splitCamelCase, type WordSegmenter } from './wordSegmenter';

const TERMS_CACHE_SIZE = 256;

interface PhraseNode {
  next: Map<string, PhraseNode>;
  means?: readonly string[];
}

/**
 * Turns text into search terms the same way for articles and for residents' messages: normalise, split into
 * words, stem, rewrite the vocabulary's phrases to what they mean (longest phrase first), drop stop words.
 * Because articles and questions go through the same steps, a synonym works in both directions.
 */
export class TextAnalyzer {
  private readonly phrases: PhraseNode = { next: new Map() };
  private readonly stopStems: ReadonlySet<string>;
  private readonly keep: ReadonlySet<string>;
  private readonly stemCache = new Map<string, string>();
  private readonly wordCache = new Map<string, readonly string[]>();
  /** The last texts analysed: a message's parts are analysed several times in one decision. */
  private readonly termsCache = new Map<string, string[]>();

  constructor(
    vocabulary: Vocabulary,
    private readonly speller?: SpellingCorrector,
    private readonly segmenter?: WordSegmenter,
  ) {
    this.keep = new Set(vocabulary.keep.map((word) => normaliseText(word)));
    this.stopStems = new Set([...STOP_WORDS, ...vocabulary.ignore].map((word) => this.stemWord(normaliseText(word))));
    for (const entry of vocabulary.entries) {
      const means = this.stemWords(entry.means);
      for (const phrase of entry.say) this.addPhrase(this.stemWords(phrase), means);
    }
  }

  /** The terms to index or search for. */
  terms(text: string): string[] {
    const cached = this.termsCache.get(text);
    if (cached) return [...cached];
    const rewritten = this.rewritePhrases(this.stemWords(text));
    const terms = rewritten.filter((term) => term.length > 1 && !this.stopStems.has(term));
    if (this.termsCache.size >= TERMS_CACHE_SIZE) this.termsCache.clear();
    this.termsCache.set(text, terms);
    return [...terms];
  }

  /** The stemmed words of a text before phrases are rewritten and stop words dropped. */
  stemWords(text: string): string[] {
    return normaliseText(splitCamelCase(text))
      .split(' ')
      .filter((word) => word.length > 0)
      .flatMap((word) => this.readWord(word))
      .map((word) => this.stemWord(word));
  }

  /** A typing slip corrected, else a run-together word split into the knowledge base's words. */
  private readWord(word: string): readonly string[] {
    let read = this.wordCache.get(word);
    if (read === undefined) {
      const corrected = this.speller ? this.speller.correct(word) : word;
      read = corrected === word && this.segmenter ? this.segmenter.split(word) : [corrected];
      if (this.wordCache.size < 50_000) this.wordCache.set(word, read);
    }
    return read;
  }

  private stemWord(word: string): string {
    // The stemmer is quadratic in a word's length, and each new word would take a cache place: no English word is
    // this long, so a longer one (a hostile or pasted run of letters) is kept as it is and never cached.
    if (word.length > MAX_STEMMED_WORD_LENGTH) return word;
    if (this.keep.has(word)) return word;
    let stemmed = this.stemCache.get(word);
    if (stemmed === undefined) {
      stemmed = /^\d+$/.test(word) ? word : stem(word);
      if (this.stemCache.size < 50_000) this.stemCache.set(word, stemmed);
    }
    return stemmed;
  }

  private addPhrase(words: readonly string[], means: readonly string[]): void {
    if (words.length === 0) return;
    let node = this.phrases;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    node.means = means;
  }

  private rewritePhrases(words: readonly string[]): string[] {
    const out: string[] = [];
    let i = 0;
    while (i < words.length) {
      let node: PhraseNode | undefined = this.phrases;
      let matchEnd = -1;
      let means: readonly string[] | undefined;
      for (let j = i; j < words.length && node; j++) {
        node = node.next.get(words[j] ?? '');
        if (node?.means) {
          matchEnd = j + 1;
          means = node.means;
        }
      }
      if (means && matchEnd > i) {
        out.push(...means);
        i = matchEnd;
      } else {
        out.push(words[i] ?? '');
        i++;
      }
    }
    return out;
  }
}

/** Longest word the stemmer is given (the longest English words are about 30 letters). */
const MAX_STEMMED_WORD_LENGTH = 40;

/** Lower-case, plain letters and digits separated by single spaces; apostrophes vanish ("neighbour's" → "neighbours"). */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
