import { editDistance } from '../knowledge/editDistance';
import { englishWords } from '../safety/englishWords';

/**
 * The words attempts are built from, which the guard's patterns look for: a misspelling of one ("ignor ur previus
 * instrucshuns", "disreguard", "pasword", "neigbour") is read as the word so the patterns still see the attempt.
 */
const ATTACK_WORDS = [
  'ignore',
  'ignoring',
  'disregard',
  'forget',
  'previous',
  'prior',
  'instructions',
  'instruction',
  'prompt',
  'system',
  'rules',
  'guidelines',
  'reveal',
  'pretend',
  'restrictions',
  'override',
  'bypass',
  'developer',
  'administrator',
  'password',
  'passwords',
  'database',
  'neighbour',
  'neighbours',
  'address',
  'addresses',
  'benefits',
  'poison',
  'weapon',
  'weapons',
  'explosive',
  'explosives',
  'cocaine',
  'cannabis',
  'heroin',
  'caught',
  'essay',
  'configuration',
  'settings',
  'secret',
  'hidden',
  'everything',
  'jailbreak',
  'unrestricted',
  'filters',
  'programming',
  'directives',
  'confidential',
  'internal',
  'confirm',
  'writing',
  'written',
  'officially',
  'approve',
  'approved',
  'cancelled',
  'waive',
  'waived',
  'refund',
  'guarantee',
  'promise',
  'pretend',
  'permission',
  'personal',
  'private',
  'details',
  'without',
  'knowing',
  'revenge',
];

/** Text-speak residents write, read as the words ("pretend ur my mate", "wat r ur rules", "pls"). */
const TEXT_SPEAK: Readonly<Record<string, string>> = {
  u: 'you',
  ur: 'your',
  yr: 'your',
  r: 'are',
  wat: 'what',
  wot: 'what',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  y: 'why',
  ppl: 'people',
  abt: 'about',
  bc: 'because',
  cos: 'because',
  wen: 'when',
  nd: 'and',
  n: 'and',
  b4: 'before',
  gr8: 'great',
  ne1: 'anyone',
  sum1: 'someone',
};

/**
 * Puts misspelt attack words right, for one more reading of a message. Only a word that is neither in the knowledge
 * base nor an English word is touched, only towards a word of the same first letter, and only as far as its length
 * allows (one slip up to seven letters, two up to ten, three beyond), so a real word never becomes an attack word.
 */
export class AttackSpeller {
  private readonly byInitial = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(private readonly knownWords: ReadonlySet<string>) {
    for (const word of ATTACK_WORDS) {
      const list = this.byInitial.get(word.charAt(0)) ?? [];
      list.push(word);
      this.byInitial.set(word.charAt(0), list);
    }
  }

  /** The normalised text with text-speak spelt out and misspelt attack words put right (the same text when none is). */
  correctText(normalised: string): string {
    return normalised
      .split(' ')
      .map((word) => this.correct(word))
      .join(' ');
  }

  private correct(word: string): string {
    const spoken = TEXT_SPEAK[word];
    if (spoken !== undefined) return spoken;
    if (word.length < 5 || word.length > 20 || /\d/.test(word) || this.knownWords.has(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let best = word;
    if (!englishWords().has(word)) {
      const allowed = word.length >= 11 ? 3 : word.length >= 8 ? 2 : 1;
      let bestDistance = allowed + 1;
      for (const candidate of this.byInitial.get(word.charAt(0)) ?? []) {
        if (Math.abs(candidate.length - word.length) > allowed) continue;
        const distance = editDistance(word, candidate, bestDistance);
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    if (this.cache.size < 20_000) this.cache.set(word, best);
    return best;
  }
}
