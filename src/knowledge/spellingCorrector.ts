const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Corrects a resident's typing slips ("collecton", "calender") to words the knowledge base uses, one edit away
 * (a letter missing, extra, wrong or two letters swapped), preferring the most common word. Short words and
 * words the knowledge base already knows are left alone, so a correct word is never "corrected". So are words
 * longer than any a resident would type: trying every edit of a 4,000-letter "word" would cost a second of CPU.
 */
export class SpellingCorrector {
  private readonly frequency = new Map<string, number>();

  constructor(
    words: Iterable<string>,
    private readonly minLength = 5,
    private readonly maxLength = 24,
  ) {
    for (const word of words) {
      if (word.length > 0) this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
    }
  }

  isKnown(word: string): boolean {
    return this.frequency.has(word);
  }

  correct(word: string): string {
    if (word.length < this.minLength || word.length > this.maxLength) return word;
    if (this.frequency.has(word) || /\d/.test(word)) return word;
    let best = word;
    let bestFrequency = 0;
    for (const candidate of editsOf(word)) {
      const frequency = this.frequency.get(candidate) ?? 0;
      if (frequency > bestFrequency) {
        best = candidate;
        bestFrequency = frequency;
      }
    }
    return best;
  }
}

function* editsOf(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) yield head + tail.slice(1);
    if (tail.length > 1) yield head + tail.charAt(1) + tail.charAt(0) + tail.slice(2);
    for (const letter of LETTERS) {
      if (tail.length > 0) yield head + letter + tail.slice(1);
      yield head + letter + tail;
    }
  }
}
