import { type AnswerOutcome, DECISION, type DecisionTuning, decideFromCandidates } from './answerQuestion';
import type { Candidate } from './articleSearch';
import type { KnowledgeBase } from './knowledgeBase';
import type { SemanticMatch } from './sectionIndex';

/** How the semantic half of hybrid retrieval joins the lexical decision. */
export interface HybridTuning {
  /** Reciprocal rank fusion constant: a candidate at rank r (from 1) in a list adds 1 / (k + r). */
  rrfK: number;
  /**
   * Least cosine similarity between the question and an article's closest section for the article to count as
   * found by meaning. It depends on the embedding model (`EMBEDDING_MIN_SIMILARITY`).
   */
  minSimilarity: number;
  /** A clarification is settled by meaning when one option is this much more similar than the next. */
  clarifyMargin: number;
  /** Articles found only by meaning within this much similarity of the best are offered as a clarification. */
  rivalMargin: number;
}

export const HYBRID: HybridTuning = { rrfK: 60, minSimilarity: 0.5, clarifyMargin: 0.05, rivalMargin: 0.03 };

/**
 * The decision with a language model: the lexical decision (calibrated on the evaluation sets) stands when it answers;
 * the question's meaning settles a clarification when one option is clearly closer, and finds an answer the words
 * missed when one article is similar enough. Candidates are ranked by reciprocal rank fusion of both lists.
 */
export function decideHybrid(
  lexical: readonly Candidate[],
  semantic: readonly SemanticMatch[],
  knowledge: KnowledgeBase,
  tuning: HybridTuning = HYBRID,
  decision: DecisionTuning = DECISION,
): AnswerOutcome {
  const outcome = decide(lexical, semantic, knowledge, tuning, decision);
  // The ranking starts with what the decision offers, then the rest by fused rank.
  const offered =
    outcome.kind === 'answer' ? [outcome.article.id] : outcome.kind === 'clarify' ? outcome.articles.map((a) => a.id) : [];
  const first = offered.flatMap((id) => outcome.candidates.find((candidate) => candidate.id === id) ?? []);
  return { ...outcome, candidates: [...first, ...outcome.candidates.filter((c) => !offered.includes(c.id))] };
}

function decide(
  lexical: readonly Candidate[],
  semantic: readonly SemanticMatch[],
  knowledge: KnowledgeBase,
  tuning: HybridTuning,
  decision: DecisionTuning,
): AnswerOutcome {
  const candidates = fuseCandidates(lexical, semantic, tuning.rrfK);
  const outcome = decideFromCandidates([...lexical], knowledge, decision);
  if (semantic.length === 0) return { ...outcome, candidates };
  const similarity = new Map(semantic.map((match) => [match.articleId, match.similarity]));
  if (outcome.kind === 'clarify') {
    const ranked = [...outcome.articles].sort((a, b) => (similarity.get(b.id) ?? 0) - (similarity.get(a.id) ?? 0));
    const [first, second] = ranked.map((article) => similarity.get(article.id) ?? 0);
    const best = ranked[0];
    if (best && first !== undefined && first >= tuning.minSimilarity && first - (second ?? 0) >= tuning.clarifyMargin) {
      return { kind: 'answer', article: best, candidates };
    }
    return { kind: 'clarify', articles: ranked, candidates };
  }
  if (outcome.kind !== 'noMatch') return { ...outcome, candidates };
  const found = semantic.filter((match) => match.similarity >= tuning.minSimilarity);
  const best = found[0];
  if (!best) return { kind: 'noMatch', candidates };
  const close = found.filter((match) => best.similarity - match.similarity < tuning.rivalMargin);
  const articles = close
    .slice(0, decision.maxClarifyOptions)
    .flatMap((match) => knowledge.byId.get(match.articleId) ?? []);
  const [only] = articles;
  if (articles.length === 1 && only) return { kind: 'answer', article: only, candidates };
  if (articles.length > 1) return { kind: 'clarify', articles, candidates };
  return { kind: 'noMatch', candidates };
}

/** Both rankings fused: score is the summed reciprocal rank; coverage and similarity are kept for the decision. */
export function fuseCandidates(
  lexical: readonly Candidate[],
  semantic: readonly SemanticMatch[],
  rrfK: number,
  limit = 5,
): Candidate[] {
  const fused = new Map<string, Candidate>();
  lexical.forEach((candidate, rank) => {
    fused.set(candidate.id, { id: candidate.id, score: 1 / (rrfK + rank + 1), coverage: candidate.coverage });
  });
  semantic.forEach((match, rank) => {
    const existing = fused.get(match.articleId) ?? { id: match.articleId, score: 0, coverage: 0 };
    fused.set(match.articleId, {
      ...existing,
      score: existing.score + 1 / (rrfK + rank + 1),
      similarity: match.similarity,
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
