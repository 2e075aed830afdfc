import type { ArticleSearch } from './articleSearch';
import type { Signpost } from './signpostSchema';

/** A signpost whose phrase a message uses, and the message without that phrase (to see what else it asks). */
export interface SignpostMatch {
  signpost: Signpost;
  /** The message's stemmed words with the matched phrase taken out. */
  rest: string;
}

const stemmedPhrases = new WeakMap<readonly Signpost[], { signpost: Signpost; words: string[] }[]>();

/**
 * The first signpost (in the directory's order, longest phrase first within a message) one of whose phrases the
 * message uses, matched as whole stemmed words so "passports" finds "passport" and "renewing my passport" too.
 */
export function findSignpost(
  text: string,
  signposts: readonly Signpost[],
  search: ArticleSearch,
): SignpostMatch | undefined {
  if (signposts.length === 0) return undefined;
  const words = search.stemWords(text);
  let best: { signpost: Signpost; at: number; length: number } | undefined;
  for (const { signpost, words: phrase } of phrasesOf(signposts, search)) {
    const at = indexOfRun(words, phrase);
    if (at >= 0 && (!best || phrase.length > best.length)) best = { signpost, at, length: phrase.length };
  }
  if (!best) return undefined;
  const rest = [...words.slice(0, best.at), ...words.slice(best.at + best.length)].join(' ');
  return { signpost: best.signpost, rest };
}

function phrasesOf(signposts: readonly Signpost[], search: ArticleSearch) {
  let phrases = stemmedPhrases.get(signposts);
  if (!phrases) {
    phrases = signposts.flatMap((signpost) =>
      signpost.phrases.map((phrase) => ({ signpost, words: search.stemWords(phrase) })),
    );
    stemmedPhrases.set(signposts, phrases);
  }
  return phrases;
}

function indexOfRun(words: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return -1;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return i;
  }
  return -1;
}
