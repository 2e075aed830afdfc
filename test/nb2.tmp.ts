import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase';
import { guardFeatures } from '../src/guardrails/guardFeatures';
(async () => {
  const r = await loadKnowledgeBase('knowledge');
  if (!r.ok) throw new Error('kb');
  const nb = (r.knowledge.messageGuard as any).classifier;
  for (const m of process.argv.slice(2)) console.log(nb.classify(guardFeatures(m)).slice(0,2).map((c: any) => `${c.label} ${c.probability.toFixed(4)}`).join(', '), '|', m);
})();
