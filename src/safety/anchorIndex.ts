import type { RiskAnchor } from './compileRiskPattern';

/**
 * Which of a list of anchored patterns a message may match, found by looking its words up rather than by asking
 * each of hundreds of patterns in turn. A pattern is a candidate when one of the words is among its anchor's stems or
 * starts with one of its anchor's prefixes; a pattern without an anchor is always a candidate.
 */
export class AnchorIndex {
  private readonly byStem = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly prefixLengths: number[];
  private readonly always: number[] = [];

  constructor(private readonly anchors: readonly (RiskAnchor | undefined)[]) {
    const lengths = new Set<number>();
    anchors.forEach((anchor, index) => {
      if (!anchor) {
        this.always.push(index);
        return;
      }
      for (const stem of anchor.stems) listAt(this.byStem, stem).push(index);
      for (const prefix of anchor.prefixes) {
        listAt(this.byPrefix, prefix).push(index);
        lengths.add(prefix.length);
      }
    });
    this.prefixLengths = [...lengths].sort((a, b) => a - b);
  }

  /** One flag per pattern, in the order the patterns were given: 1 where the words may match it. */
  candidates(words: Iterable<string>): Uint8Array {
    const flags = new Uint8Array(this.anchors.length);
    for (const index of this.always) flags[index] = 1;
    for (const word of words) {
      const exact = this.byStem.get(word);
      if (exact) for (const index of exact) flags[index] = 1;
      for (const length of this.prefixLengths) {
        if (length > word.length) break;
        const prefixed = this.byPrefix.get(word.slice(0, length));
        if (prefixed) for (const index of prefixed) flags[index] = 1;
      }
    }
    return flags;
  }
}

function listAt(map: Map<string, number[]>, key: string): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
