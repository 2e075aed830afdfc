import { answerQuestion } from './answerQuestion';
import type { KnowledgeProblem } from './knowledgeBase';
import type { KnowledgeSnapshot } from './knowledgeSnapshot';

/**
 * Example questions that do not lead back to their own article: a sign that two articles overlap or that an
 * example is phrased in words no resident would use. Reported by `kb check` as warnings for editors.
 */
export function selfRetrievalWarnings(snapshot: KnowledgeSnapshot): KnowledgeProblem[] {
  const warnings: KnowledgeProblem[] = [];
  for (const article of snapshot.knowledge.articles) {
    for (const question of article.questions) {
      const outcome = answerQuestion(question, snapshot.knowledge, snapshot.search);
      if (outcome.kind === 'answer' && outcome.article.id === article.id) continue;
      if (outcome.kind === 'urgent') continue;
      const got =
        outcome.kind === 'answer'
          ? `answers with ${outcome.article.id}`
          : outcome.kind === 'clarify'
            ? `asks to choose between ${outcome.articles.map((a) => a.id).join(', ')}`
            : 'finds no answer';
      warnings.push({ file: article.file, problem: `example question "${question}" ${got}` });
    }
  }
  return warnings;
}
