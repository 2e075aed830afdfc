import { parseEvalFile, scoreOutcomes } from '../../src/knowledge/evaluateQuestions';
import type { AnswerOutcome } from '../../src/knowledge/answerQuestion';

const known = new Set(['bin-collection-days', 'garden-waste']);

describe('reading evaluation files', () => {
  test('the two-column layout: article ids, OUT and URGENT', () => {
    const parsed = parseEvalFile('# comment\nbin-collection-days|garden-waste\twhen are bins\nOUT\tpassport\n', known);
    expect(parsed).toEqual({
      ok: true,
      questions: [
        { expected: { kind: 'articles', ids: ['bin-collection-days', 'garden-waste'] }, question: 'when are bins', line: 2 },
        { expected: { kind: 'out' }, question: 'passport', line: 3 },
      ],
    });
  });

  test("the styles layout groups each line by its style", () => {
    const parsed = parseEvalFile('#EXPECTED\tSTYLE\tMESSAGE\ngarden-waste\tterse\tbrown bin?\nOUT\tplain\tpassport\n', known);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.questions.map((q) => [q.expected.kind, q.group, q.question])).toEqual([
      ['articles', 'terse', 'brown bin?'],
      ['out', 'plain', 'passport'],
    ]);
  });

  test('the safety layout: URGENT by category, NOT as routine', () => {
    const parsed = parseEvalFile('URGENT\tgas\tsmel gas\nNOT\troutine\tgas bill\n', known);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.questions.map((q) => [q.expected.kind, q.group])).toEqual([
      ['urgent', 'gas'],
      ['routine', 'routine'],
    ]);
  });

  test('a crisis file of SOURCE<TAB>message lines is all emergencies', () => {
    const parsed = parseEvalFile('someone/suite:tests/cases.py\tI need help now\n', known);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.questions[0]).toMatchObject({ expected: { kind: 'urgent' }, group: 'crisis', question: 'I need help now' });
  });

  test('an unknown article id is named with its line', () => {
    expect(parseEvalFile('no-such-article\tq\n', known)).toEqual({
      ok: false,
      problems: ['line 1: unknown article id no-such-article'],
    });
  });
});

describe('scoring by style and category', () => {
  test('counts flagged emergencies and false alarms per category', () => {
    const parsed = parseEvalFile('URGENT\tgas\ta\nURGENT\tgas\tb\nNOT\troutine\tc\nNOT\troutine\td\n', known);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    const urgent: AnswerOutcome = { kind: 'urgent', category: 'gas', certainty: 'sure', candidates: [] };
    const none: AnswerOutcome = { kind: 'noMatch', candidates: [] };
    const report = scoreOutcomes(parsed.questions, [urgent, none, urgent, none]);
    expect(report.urgentRecall).toBe(0.5);
    expect(report.urgentFalseAlarms).toBe(0.5);
    expect(report.groups).toEqual([
      expect.objectContaining({ group: 'gas', urgent: 2, urgentFlagged: 1 }),
      expect.objectContaining({ group: 'routine', notUrgent: 2, falseAlarms: 1 }),
    ]);
  });
});
