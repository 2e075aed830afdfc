import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { articleText, TempKnowledge } from '../support/tempKnowledge';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** These tests are of the lexical mode: a developer's own OPENAI_API_KEY must not switch the model on. */
function withoutLanguageModel(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('OPENAI_')));
}

function kb(args: string[], options: { input?: string; knowledgeDir?: string } = {}) {
  const result = spawnSync(TSX, ['src/cli/kb.ts', ...args], {
    cwd: ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...withoutLanguageModel(process.env), KNOWLEDGE_DIR: options.knowledgeDir ?? path.join(ROOT, 'knowledge') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the kb command line', () => {
  test('check passes on the shipped knowledge base', () => {
    const result = kb(['check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok: 46 articles/);
  });

  test('check fails naming the file and the problem', () => {
    const temp = new TempKnowledge();
    try {
      temp.write('parks/allotments.md', articleText({ url: 'nope' }));
      const result = kb(['check'], { knowledgeDir: temp.dir });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/parks\/allotments\.md: url/);
    } finally {
      temp.remove();
    }
  });

  test('ask --json prints one JSON object per question, with the same decision as the bot', () => {
    const result = kb(['ask', '--json'], {
      input: 'green bin subscription\nparking\nhow tall is mount everest\n\nI feel like hurting myself\n',
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(['question', 'action', 'articleId', 'candidates', 'urgent']),
      );
    }
    expect(lines[0]).toMatchObject({
      question: 'green bin subscription',
      action: 'answer',
      articleId: 'garden-waste',
      urgent: false,
    });
    expect(lines[0].candidates[0]).toEqual({ id: 'garden-waste', score: expect.any(Number) });
    expect(lines[1]).toMatchObject({ action: 'clarify', articleId: null });
    expect(lines[1].candidates.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['parking-fines', 'parking-permits']),
    );
    expect(lines[2]).toMatchObject({ action: 'noMatch', articleId: null, urgent: false });
    expect(lines[3]).toMatchObject({ action: 'urgent', urgent: true });
  });

  test('ask --json prints action signpost for a national service, and eval counts it as not answered', () => {
    const result = kb(['ask', '--json'], { input: 'where do i renew my passport\n' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({
      action: 'signpost',
      signpostId: 'passports',
      articleId: null,
      urgent: false,
    });
    const temp = new TempKnowledge();
    try {
      const file = temp.write('styles.tsv', 'OUT\tplain\twhere do i renew my passport\n');
      const evaluated = kb(['eval', file]);
      expect(evaluated.code).toBe(0);
      expect(evaluated.stdout).toMatch(/out-of-scope abstention: 100\.0%/);
    } finally {
      temp.remove();
    }
  });

  test('eval prints hit@1, hit@3, MRR, abstention and urgent recall', () => {
    const result = kb(['eval', 'test/fixtures/validation-questions.tsv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/hit@1: 0\.\d{3}\s+hit@3: \d\.\d{3}\s+MRR: \d\.\d{3}/);
    expect(result.stdout).toMatch(/out-of-scope abstention: \d+\.\d%\s+urgent recall: \d+\.\d%/);
  });

  test('eval on the safety layout reports, per category, the lines flagged with the right category', () => {
    const temp = new TempKnowledge();
    try {
      const file = temp.write(
        'safety.tsv',
        [
          '#LABEL\tCATEGORY\tMESSAGE',
          'URGENT\tgas\tthere is a strong smell of gas in my kitchen',
          'URGENT\tabuse\ti can smell gas in the hall',
          'NOT\troutine\twhen is my bin collected',
        ].join('\n'),
      );
      const result = kb(['eval', file, '--misses']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/urgent recall: 100\.0%\s+false alarms: 0\.0%/);
      expect(result.stdout).toMatch(/right category: 50\.0% of urgent lines/);
      expect(result.stdout).toMatch(/category\s+lines\s+flagged\s+false alarms\s+right category/);
      expect(result.stdout).toMatch(/gas\s+1\s+1\/1\s+-\s+1\/1/);
      expect(result.stdout).toMatch(/abuse\s+1\s+1\/1\s+-\s+0\/1/);
      expect(result.stdout).toMatch(/expected URGENT abuse, got urgent gas/);
    } finally {
      temp.remove();
    }
  });

  test('eval refuses a file with unknown article ids', () => {
    const temp = new TempKnowledge();
    try {
      const file = temp.write('questions.tsv', 'no-such-article\twhat is this\n');
      const result = kb(['eval', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/unknown article id no-such-article/);
    } finally {
      temp.remove();
    }
  });
  test('eval --conversations runs each conversation through the bot and prints how many end right, per kind', () => {
    const result = kb(['eval', '--conversations', 'test/fixtures/followups-validation.jsonl', '--misses']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/conversations: \d+ \(mode: lexical, no language model\); ended right: \d\.\d{2}/);
    for (const kind of ['followup', 'ellipsis', 'correction', 'topicSwitch', 'all']) {
      expect(result.stdout).toMatch(new RegExp(`^${kind} +\\d+ +\\d\\.\\d{2}$`, 'm'));
    }
    const [, right] = /ended right: (\d\.\d{2})/.exec(result.stdout) ?? [];
    expect(Number(right)).toBeGreaterThanOrEqual(0.85);
    for (const miss of result.stdout.match(/^miss line .*$/gm) ?? []) {
      expect(miss).toMatch(/^miss line \d+ \(\w+\): ".*" expected [\w-]+, got /);
    }
  });

  test('eval --conversations names every bad line and scores nothing', () => {
    const temp = new TempKnowledge();
    try {
      const lines = [
        JSON.stringify({
          turns: ['how do i get a brown bin', 'how much is it'],
          expected: 'garden-waste',
          kind: 'followup',
        }),
        '{"turns": ["half a line"',
        JSON.stringify({ turns: [], expected: 'garden-waste', kind: 'followup' }),
        JSON.stringify({ turns: ['where is the tip'], expected: 'no-such-article', kind: 'ellipsis' }),
        JSON.stringify({ turns: ['where is the tip'], expected: 'OUT', kind: 'sideways' }),
      ];
      const file = temp.write('conversations.jsonl', `${lines.join('\n')}\n`);
      const result = kb(['eval', '--conversations', file]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/line 2: not a JSON object/);
      expect(result.stderr).toMatch(/line 3: turns: a conversation needs at least one turn/);
      expect(result.stderr).toMatch(/line 4: expected: no article "no-such-article"/);
      expect(result.stderr).toMatch(/line 5: kind: /);
      expect(result.stderr).not.toMatch(/line 1:/);
    } finally {
      temp.remove();
    }
  });
});
