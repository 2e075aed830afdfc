import { normaliseText } from '../src/knowledge/textAnalyzer';
import { INSTRUCTION_CONCEPTS } from '../src/guardrails/instructionConcepts';
import { detectPromptInjection } from '../src/guardrails/instructionPatterns';
for (const t of process.argv.slice(2)) {
  const n = normaliseText(t);
  console.log(t, '=>', detectPromptInjection(t), INSTRUCTION_CONCEPTS.filter((p) => p.test(n)).map(String).map((s) => s.slice(0, 90)));
}
