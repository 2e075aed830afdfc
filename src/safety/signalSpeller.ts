import { editDistance } from '../knowledge/editDistance';

/**
 * Puts a misspelt risk word right ("suicidle", "voilence", "fier", "smel") so the lexicon still sees it. Only words
 * it does not know are touched, only towards risk words, only with the same first letter, and only one slip away
 * (two for long words), so an ordinary word is never turned into an alarming one.
 */
export class SignalSpeller {
  private readonly byInitial = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  private readonly signalStems: ReadonlySet<string>;

  constructor(
    signalWords: Iterable<string>,
    private readonly knownWords: ReadonlySet<string>,
    private readonly stemWord: (word: string) => string,
    /** Real words, corrected only for letters dropped, added or swapped (empty: no such check). */
    private readonly dictionary: ReadonlySet<string> = new Set(),
  ) {
    const words = new Set(signalWords);
    this.signalStems = new Set([...words].map((word) => stemWord(word)));
    for (const word of words) {
      if (word.length < 4) continue;
      const initial = word.charAt(0);
      const list = this.byInitial.get(initial) ?? [];
      list.push(word);
      this.byInitial.set(initial, list);
    }
  }

  correct(word: string): string {
    if (word.length < 4 || word.length > 20 || /\d/.test(word) || this.knownWords.has(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    if (this.signalStems.has(this.stemWord(word))) return word;
    const allowed = 1 + (word.length >= 8 ? 1 : 0);
    let best = word;
    let bestDistance = allowed + 1;
    for (const candidate of this.byInitial.get(word.charAt(0)) ?? []) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const distance = editDistance(word, candidate, bestDistance);
      // A real English word is only read as a risk word when letters were dropped, added or swapped ("fier",
      // "smel"), never when one was replaced: "floor" is a floor, not a flood.
      if (this.dictionary.has(word) && isSubstitution(word, candidate)) continue;
      const plausible = distance > 1 ? LONG_SLIP_TARGETS.has(candidate) : plausibleSlip(word, candidate);
      if (distance < bestDistance && plausible) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (this.cache.size < 20_000) this.cache.set(word, best);
    return best;
  }
}

/**
 * Two words of one length that differ by a consonant replaced ("floor", "flood"), not by letters swapped or a vowel
 * for a vowel ("leek" for "leak", which residents write for the sound).
 */
function isSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length || [...a].sort().join('') === [...b].sort().join('')) return false;
  return [...a].some(
    (letter, i) => letter !== b.charAt(i) && !(VOWELS.includes(letter) && VOWELS.includes(b.charAt(i))),
  );
}

/** Long, unmistakable risk words that residents misspell badly ("suicidle", "vilolence"): two slips allowed. */
const LONG_SLIP_TARGETS: ReadonlySet<string> = new Set([
  'suicide',
  'suicidal',
  'violence',
  'domestic',
  'overdose',
  'overdosed',
  'unconscious',
  'unresponsive',
  'monoxide',
  'ambulance',
  'dementia',
  'breathing',
  'paracetamol',
  'emergency',
]);

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VOWELS = 'aeiouy';
/** Letters residents swap because they sound the same ("domestik", "voilense"). */
const SOUNDS_ALIKE = ['ck', 'cs', 'sz', 'kq', 'gj'];

/**
 * A one-letter difference is a slip only if it is a letter missing, extra or swapped, or a key next to the right
 * one, or a vowel for a vowel: "started" is not a slip for "starved", nor "five" for "fire".
 */
function plausibleSlip(a: string, b: string): boolean {
  if (a.length !== b.length) return true;
  const differing = [...a].flatMap((letter, i) => (letter === b.charAt(i) ? [] : [[letter, b.charAt(i)] as const]));
  if (differing.length !== 1) return true;
  const [x, y] = differing[0] ?? ['', ''];
  if (VOWELS.includes(x) && VOWELS.includes(y)) return true;
  if (SOUNDS_ALIKE.some((pair) => pair.includes(x) && pair.includes(y))) return true;
  return KEYBOARD_ROWS.some((row, r) => {
    const i = row.indexOf(x);
    if (i < 0) return false;
    return [KEYBOARD_ROWS[r - 1], row, KEYBOARD_ROWS[r + 1]].some((near) => {
      const j = near?.indexOf(y) ?? -1;
      return j >= 0 && Math.abs(j - i) <= 1;
    });
  });
}
