import type { Article } from './articleSchema';
import type { CouncilProfile } from './councilProfileSchema';
import type { Signpost } from './signpostSchema';
import type { Vocabulary } from './vocabularySchema';

/** One consistent, validated snapshot of the knowledge folder. Never mutated; a reload builds a new one. */
export interface KnowledgeBase {
  articles: readonly Article[];
  byId: ReadonlyMap<string, Article>;
  profile: CouncilProfile;
  vocabulary: Vocabulary;
  /** Other bodies and national services the council does not run (`signposts.yaml`); empty when there is none. */
  signposts: readonly Signpost[];
}

/** A problem found in one file of the knowledge folder, phrased for the editor who has to fix it. */
export interface KnowledgeProblem {
  file: string;
  problem: string;
}

export function createKnowledgeBase(
  articles: Article[],
  profile: CouncilProfile,
  vocabulary: Vocabulary,
  signposts: readonly Signpost[] = [],
): KnowledgeBase {
  const sorted = [...articles].sort((a, b) => a.id.localeCompare(b.id));
  const byId = new Map(sorted.map((article) => [article.id, article]));
  return { articles: sorted, byId, profile, vocabulary, signposts };
}
