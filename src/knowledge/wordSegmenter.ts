import { STOP_WORDS } from './stopWords';

/** Pieces shorter than this are not words of their own in a run-together word ("a", "i" are left to the typist). */
const MIN_PIECE = 2;
const MAX_PIECES = 4;
/** Short function words start or end many real words ("bit|ten", "for|got", "lay|out"): never a split's first or last. */
const SHORT_FUNCTION_WORDS: ReadonlySet<string> = new Set(STOP_WORDS.filter((word) => word.length <= 3));

/**
 * Splits words residents run together ("binday", "counciltax", "directdebit") into words the knowledge base uses.
 * Only a word the knowledge base does not know is split, only when every piece is a known word, and never with a
 * short function word at either end, so a real word the articles happen not to use ("bitten", "forgot") stays
 * whole; the split with the fewest pieces wins, then the one whose pieces the articles use most.
 */
export class WordSegmenter {
  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    private readonly minLength = 5,
    private readonly maxLength = 30,
  ) {}

  /** The word's pieces, or the word alone when it is known, too short or too long, or has no split into known words. */
  split(word: string): string[] {
    if (word.length < this.minLength || word.length > this.maxLength || this.frequency.has(word)) return [word];
    const best: ({ pieces: string[]; weight: number } | undefined)[] = [{ pieces: [], weight: 0 }];
    for (let end = 1; end <= word.length; end++) {
      for (let start = Math.max(0, end - this.maxLength); start <= end - MIN_PIECE; start++) {
        const before = best[start];
        const piece = word.slice(start, end);
        const frequency = this.frequency.get(piece);
        if (!before || frequency === undefined || before.pieces.length >= MAX_PIECES) continue;
        const candidate = { pieces: [...before.pieces, piece], weight: before.weight + Math.log(1 + frequency) };
        const current = best[end];
        if (!current || isBetter(candidate, current)) best[end] = candidate;
      }
    }
    const found = best[word.length];
    return found && found.pieces.length > 1 && isPlausible(found.pieces) ? found.pieces : [word];
  }
}

/** A split into words a resident would run together: its first and last pieces are words of substance. */
function isPlausible(pieces: readonly string[]): boolean {
  const ends = [pieces[0] ?? '', pieces[pieces.length - 1] ?? ''];
  return ends.every((piece) => piece.length >= 3 && !SHORT_FUNCTION_WORDS.has(piece));
}

function isBetter(a: { pieces: string[]; weight: number }, b: { pieces: string[]; weight: number }): boolean {
  return a.pieces.length < b.pieces.length || (a.pieces.length === b.pieces.length && a.weight > b.weight);
}

/** "TipOpeningTimes" → "Tip Opening Times", "FOIrequest" → "FOI request", "PCNappeal" → "PCN appeal". */
export function splitCamelCase(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\b([A-Z]{2,})([a-z]{3,})\b/g, '$1 $2')
    .replace(/([A-Z]{2,})([A-Z][a-z]{2,})/g, '$1 $2');
}
