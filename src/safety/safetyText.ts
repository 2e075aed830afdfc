import stem from 'wink-porter2-stemmer';
import { normaliseText } from '../knowledge/textAnalyzer';
import type { SignalSpeller } from './signalSpeller';
import { expandTextSpeak } from './textSpeak';

const stems = new Map<string, string>();

/**
 * The stem of one normalised word, as the risk lexicon and the classifier see it (numbers stay as written).
 * Remembered (up to a bound), since the same everyday words come back in every message.
 */
export function safetyStem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d+$/.test(word) ? word : stem(word);
    if (stems.size < 50_000) stems.set(word, stemmed);
  }
  return stemmed;
}

/**
 * A message read for risk: clauses of stemmed words with shorthand spelled out and risk words' slips put right.
 * Sentences are kept apart so a pattern never joins words of two sentences; clauses (split also at commas and at
 * "but", "also", "anyway") let one alarming clause of a routine message be judged on its own.
 */
export interface SafetyText {
  sentences: string[][];
  clauses: string[][];
}

const SENTENCE_BREAK = /[.!?;:\n\r]+|\s-\s|…/;
const CLAUSE_BREAK = /^(?:but|also|anyway|anyways|plus|btw|ps|actually|although|though|however)$/;

export function readSafetyText(text: string, speller: SignalSpeller): SafetyText {
  const sentences: string[][] = [];
  const clauses: string[][] = [];
  for (const sentence of text.split(SENTENCE_BREAK)) {
    const words: string[] = [];
    let clause: string[] = [];
    for (const part of sentence.split(',')) {
      for (const raw of normaliseText(part).split(' ')) {
        if (raw.length === 0) continue;
        for (const word of expandTextSpeak(raw).split(' ')) {
          if (CLAUSE_BREAK.test(word) && clause.length > 0) {
            clauses.push(clause);
            clause = [];
          }
          const stemmed = safetyStem(speller.correct(word));
          words.push(stemmed);
          clause.push(stemmed);
        }
      }
      if (clause.length > 0) clauses.push(clause);
      clause = [];
    }
    if (words.length > 0) sentences.push(words);
  }
  return { sentences, clauses };
}
