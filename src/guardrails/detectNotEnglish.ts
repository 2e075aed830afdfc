import { normaliseText } from '../knowledge/textAnalyzer';
import { englishWords } from '../safety/englishWords';

/** A message of at least this many words, with less than this share of them English, is not in English. */
const MIN_WORDS = 3;
const MAX_ENGLISH_SHARE = 0.3;

/**
 * Whether a message is written in another language: most of its words are neither English nor words the knowledge
 * base uses. Short messages and mixed ones ("czy mogę zapłacić council tax online? sorry my english not so good")
 * are read as English and answered as well as they can be.
 */
export function isNotEnglish(text: string, knownWord: (word: string) => boolean): boolean {
  const words = normaliseText(text)
    .split(' ')
    .filter((word) => /^[a-z]{2,}$/.test(word));
  if (words.length < MIN_WORDS) return false;
  const dictionary = englishWords();
  const english = words.filter((word) => dictionary.has(word) || knownWord(word)).length;
  return english / words.length < MAX_ENGLISH_SHARE;
}
