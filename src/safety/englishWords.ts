import { readFileSync } from 'node:fs';
import { z } from 'zod';

let words: ReadonlySet<string> | undefined;

/**
 * About 275,000 English words (the `an-array-of-english-words` package), read once per process: a word in it is
 * a real word written on purpose ("floor"), so the risk speller never turns it into a risk word by swapping a
 * letter ("flood").
 */
export function englishWords(): ReadonlySet<string> {
  words ??= new Set(
    z.array(z.string()).parse(JSON.parse(readFileSync(require.resolve('an-array-of-english-words'), 'utf8'))),
  );
  return words;
}
