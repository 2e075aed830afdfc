import { readFileSync } from 'node:fs';

let words: ReadonlySet<string> | undefined;

/**
 * About 275,000 English words (the `an-array-of-english-words` package), read once per process: a word in it is
 * a real word written on purpose ("floor"), so the risk speller never turns it into a risk word by swapping a
 * letter ("flood").
 */
export function englishWords(): ReadonlySet<string> {
  words ??= new Set(readWordList(readFileSync(require.resolve('an-array-of-english-words'), 'utf8')));
  return words;
}

/** The package's JSON array of words, checked by hand: a schema's per-item checks cost 100 ms on 275,000 words. */
function readWordList(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((word) => typeof word === 'string'))
    throw new Error('an-array-of-english-words: expected a JSON array of strings');
  return parsed;
}
