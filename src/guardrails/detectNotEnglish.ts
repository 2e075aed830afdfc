import { normaliseText } from '../knowledge/textAnalyzer';
import { englishWords } from '../safety/englishWords';

/**
 * Short English words, the only short words believed: the dictionary also lists many short words of other
 * languages ("la", "en", "mi", "les", "mae").
 */
const SHORT_ENGLISH = new Set(
  (
    'a i an am as at be by do go he if in is it me my no of oh ok on or so to up us we ' +
    'all and any are bin bye can day did for get got had has her him his how its let may new not now off old one ' +
    'our out own pay put say see she tax the tip too two was way who why yes yet you ago ask bad big car due end ' +
    'far few fix hi job lot man met mum dad nan run sat set sir ten top use van via war wet won hey pls thx'
  ).split(' '),
);

/** A message of at least this many words, with less than this share of them English, is not in English. */
const MIN_WORDS = 3;
const MAX_ENGLISH_SHARE = 0.3;

/**
 * Whether a message is written in another language: most of its words are neither English nor words the knowledge
 * base uses. Short messages and mixed ones ("czy mogę zapłacić council tax online? sorry my english not so good")
 * are read as English and answered as well as they can be.
 */
export function isNotEnglish(text: string, knownWord: (word: string) => boolean): boolean {
  // Written in another script (Arabic, Chinese, Cyrillic, ...): letters that are not Latin, and few Latin words.
  const otherScript = (text.normalize('NFKD').match(/[^\P{L}a-zA-Z]/gu) ?? []).length;
  if (otherScript >= 3 && otherScript >= (text.match(/[a-zA-Z]/g) ?? []).length) return true;
  const words = normaliseText(text)
    .split(' ')
    .filter((word) => /^[a-z]{2,}$/.test(word));
  if (words.length < MIN_WORDS) return false;
  const dictionary = englishWords();
  const english = words.filter((word) =>
    word.length <= 3 ? SHORT_ENGLISH.has(word) : dictionary.has(word) || knownWord(word),
  ).length;
  return english / words.length < MAX_ENGLISH_SHARE;
}
