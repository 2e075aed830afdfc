import type { EditorQuestion } from '../storage/repositories/editorQuestionRepository';

/** Questions residents asked that the knowledge base did not answer well, grouped by what they are about. */
export interface KnowledgeGap {
  /** How many questions the group holds, and of which kind. */
  count: number;
  unanswered: number;
  unhelpful: number;
  /** Up to three different wordings, most common first. */
  examples: string[];
  /** The article closest to the group (the one given, or the best near miss), if any. */
  closestArticleId: string | undefined;
  /** The words the group's questions share, for a quick read. */
  terms: string[];
}

const SIMILAR = 0.5;
const MAX_EXAMPLES = 3;

/**
 * Groups editors' questions by similarity: two questions are alike when their analysed terms (stemmed, synonyms
 * applied, stop words dropped: the search's own analysis) overlap by at least half (Jaccard). Groups are built
 * greedily from the most common wordings, so a group's first question is its most typical. Largest groups first.
 */
export function groupKnowledgeGaps(
  questions: readonly EditorQuestion[],
  termsOf: (question: string) => readonly string[],
): KnowledgeGap[] {
  const wordings = new Map<string, EditorQuestion[]>();
  for (const question of questions) {
    const key = question.question.trim().toLowerCase() || '(question not kept)';
    wordings.set(key, [...(wordings.get(key) ?? []), question]);
  }
  const ordered = [...wordings.values()].sort((a, b) => b.length - a.length);
  const groups: Array<{ terms: Set<string>; members: EditorQuestion[][] }> = [];
  for (const same of ordered) {
    const first = same[0];
    if (!first) continue;
    const terms = new Set(termsOf(first.question));
    const group = groups.find((candidate) => jaccard(candidate.terms, terms) >= SIMILAR);
    if (group) group.members.push(same);
    else groups.push({ terms, members: [same] });
  }
  return groups
    .map((group) => {
      const all = group.members.flat();
      return {
        count: all.length,
        unanswered: all.filter((question) => question.kind === 'unanswered').length,
        unhelpful: all.filter((question) => question.kind === 'unhelpful').length,
        examples: group.members.slice(0, MAX_EXAMPLES).map((same) => same[0]?.question || '(question not kept)'),
        closestArticleId: mostCommon(all.flatMap((question) => question.articleId ?? [])),
        terms: [...group.terms].sort(),
      };
    })
    .sort((a, b) => b.count - a.count);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
