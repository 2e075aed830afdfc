import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateQuestions, parseEvalFile } from '../../src/knowledge/evaluateQuestions';
import { shippedKnowledge } from '../support/testBot';

describe('messages as residents write them (held-out test/fixtures/styles-validation.tsv)', () => {
  test('stay above their floors overall, in every style and out of scope', async () => {
    const snapshot = (await shippedKnowledge()).current();
    // Written for issue 14 and never used to tune the search or the decision; the dev set is ../shared/eval.
    const text = readFileSync(path.resolve(__dirname, '../fixtures/styles-validation.tsv'), 'utf8');
    const parsed = parseEvalFile(text, new Set(snapshot.knowledge.byId.keys()));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const report = evaluateQuestions(parsed.questions, snapshot);
    expect(report.answeredRight).toBeGreaterThanOrEqual(0.82);
    expect(report.outOfScopeAbstention).toBeGreaterThanOrEqual(0.85);
    for (const group of report.groups) {
      expect({ style: group.group, right: group.answeredRight / group.questions >= 0.5 }).toEqual({
        style: group.group,
        right: true,
      });
    }
  });
});
