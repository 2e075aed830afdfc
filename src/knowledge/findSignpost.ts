import type { ArticleSearch } from './articleSearch';
import type { Signpost } from './signpostSchema';

/** A signpost whose phrase a message uses, and the message without that phrase (to see what else it asks). */
export interface SignpostMatch {
  signpost: Signpost;
  /** The message's stemmed words with the matched phrase taken out. */
  rest: string;
}

interface StemmedPhrase {
  signpost: Signpost;
  words: string[];
}

/** Each directory's phrases, stemmed once and grouped by their first word. */
const stemmedPhrases = new WeakMap<readonly Signpost[], Map<string, StemmedPhrase[]>>();

/**
 * The first signpost (in the directory's order, longest phrase first within a message) one of whose phrases the
 * message uses, matched as whole stemmed words so "passports" finds "passport" and "renewing my passport" too. A
 * phrase right after "council" is the council's own ("council tax refund" is not HMRC's tax refund).
 */
export function findSignpost(
  text: string,
  signposts: readonly Signpost[],
  search: ArticleSearch,
): SignpostMatch | undefined {
  if (signposts.length === 0) return undefined;
  const words = search.stemWords(text);
  const byFirstWord = phrasesOf(signposts, search);
  let best: { signpost: Signpost; at: number; length: number } | undefined;
  const council = search.stemWords('council')[0];
  words.forEach((word, at) => {
    if (at > 0 && words[at - 1] === council) return;
    for (const { signpost, words: phrase } of byFirstWord.get(word) ?? []) {
      const matches = phrase.every((part, j) => words[at + j] === part);
      if (matches && (!best || phrase.length > best.length)) best = { signpost, at, length: phrase.length };
    }
  });
  if (!best) return undefined;
  const rest = [...words.slice(0, best.at), ...words.slice(best.at + best.length)].join(' ');
  return { signpost: best.signpost, rest };
}

function phrasesOf(signposts: readonly Signpost[], search: ArticleSearch): Map<string, StemmedPhrase[]> {
  let phrases = stemmedPhrases.get(signposts);
  if (!phrases) {
    phrases = new Map();
    for (const signpost of signposts) {
      for (const phrase of signpost.phrases) {
        const words = search.stemWords(phrase);
        const first = words[0];
        if (first === undefined) continue;
        phrases.set(first, [...(phrases.get(first) ?? []), { signpost, words }]);
      }
    }
    stemmedPhrases.set(signposts, phrases);
  }
  return phrases;
}
