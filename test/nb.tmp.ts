import { readFileSync } from 'fs';
import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase';
(async () => {
  const r = await loadKnowledgeBase('knowledge');
  if (!r.ok) throw new Error('kb');
  const g = r.knowledge.messageGuard;
  for (const f of process.argv.slice(2)) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const parts = line.split('\t');
      const msg = parts[parts.length - 1]!;
      const v = g.check(msg);
      if (v?.via === 'classifier') console.log(`${parts[0]}\t${v.reason}\t${msg}`);
    }
  }
})();
