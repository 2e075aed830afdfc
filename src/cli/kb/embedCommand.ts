import { type KnowledgeSnapshot } from '../../knowledge/knowledgeSnapshot';
import { embedWithProgress, openKbLanguageModel } from '../kbLanguageModel';

/** `kb embed`: embeds every article section and caches the vectors in the store (`--prune` drops stale ones). */
export async function embed(snapshot: KnowledgeSnapshot, prune: boolean): Promise<number> {
  const opened = await openKbLanguageModel(snapshot, { storeRequired: true });
  if (!opened.ok) {
    process.stderr.write(`kb embed: ${opened.problem}\n`);
    return 1;
  }
  const { setup } = opened;
  try {
    const started = performance.now();
    const result = await embedWithProgress(setup, snapshot);
    const model = setup.model.embeddingModel;
    process.stdout.write(
      `embedded ${result.embedded} sections, ${result.reused} already cached, ${result.missing} missing ` +
        `(${result.total} sections of ${snapshot.knowledge.articles.length} articles, model ${model}, ` +
        `${Math.round(performance.now() - started)} ms)\n`,
    );
    if (prune && setup.repository) {
      const keep = setup.sectionIndex.sectionsOf(snapshot.knowledge).map((section) => section.hash);
      process.stdout.write(`pruned ${await setup.repository.deleteExcept(model, keep)} unused vectors\n`);
    }
    return result.missing > 0 ? 1 : 0;
  } finally {
    await setup.close();
  }
}
