import { buildSnapshot } from '../../knowledge/knowledgeSnapshot';
import { loadKnowledgeBase } from '../../knowledge/loadKnowledgeBase';
import { selfRetrievalWarnings } from '../../knowledge/selfRetrievalWarnings';

/** `kb check`: validates the knowledge base and prints its warnings; 1 when it has problems. */
export async function check(dir: string): Promise<number> {
  const result = await loadKnowledgeBase(dir);
  for (const warning of result.warnings) process.stdout.write(`warning: ${warning.file}: ${warning.problem}\n`);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`error: ${problem.file}: ${problem.problem}\n`);
    process.stderr.write(`${result.problems.length} problem(s) found in ${dir}\n`);
    return 1;
  }
  const snapshot = buildSnapshot(result.knowledge);
  for (const warning of selfRetrievalWarnings(snapshot)) {
    process.stdout.write(`warning: ${warning.file}: ${warning.problem}\n`);
  }
  const wards = result.knowledge.wards.length > 0 ? `, ${result.knowledge.wards.length} wards` : '';
  const { gazetteer, collections } = result.knowledge.places;
  const places = gazetteer.size > 0 ? `, ${gazetteer.size} addresses` : '';
  const rounds = collections ? `, ${collections.rounds.length} collection rounds` : '';
  process.stdout.write(
    `ok: ${result.knowledge.articles.length} articles${wards}${places}${rounds}, council profile and vocabulary are valid\n`,
  );
  return 0;
}
