import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groupKnowledgeGaps } from '../../src/knowledge/groupKnowledgeGaps';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import type { EditorQuestion } from '../../src/storage/repositories/editorQuestionRepository';
import { openRepositories } from '../../src/storage/repositories/openRepositories';
import { shippedKnowledge, silentLogger } from '../support/testBot';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('kb gaps: what residents asked that the knowledge base did not answer', () => {
  let dataDir: string;
  let store: EmbeddedDocumentStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kb-gaps-'));
    store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
    const { editorQuestions } = await openRepositories(store, { retentionDays: 90 });
    const ask = (question: string, kind: 'unanswered' | 'unhelpful' = 'unanswered', articleId?: string) =>
      editorQuestions.record({ kind, question, articleId, conversationId: 'c' });
    await ask('can I keep chickens in my garden', 'unanswered', 'pest-control');
    await ask('can I keep chickens in my garden');
    await ask('keeping chickens in the garden rules');
    await ask('are there allotments near me');
    await ask('how much is a garden waste bin', 'unhelpful', 'garden-waste');
  });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The store stays open in this process, as a running server's would: the command reads a copy.
  function gaps(args: string[]) {
    const result = spawnSync(TSX, ['src/cli/kb.ts', 'gaps', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test('groups similar questions, counts them and names the closest article, while the server runs', () => {
    const result = gaps(['--days', '7']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/5 question\(s\) from .* in 3 group\(s\)/);
    expect(result.stdout).toMatch(/3x \(3 unanswered, 0 not helpful\)\s+closest: pest-control/);
    expect(result.stdout).toContain('"can I keep chickens in my garden"');
    expect(result.stdout).toMatch(/1x \(0 unanswered, 1 not helpful\)\s+closest: garden-waste/);
  });

  test('--json prints one group per line', () => {
    const result = gaps(['--json']);
    expect(result.code).toBe(0);
    const groups = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { count: number });
    expect(groups.map((group) => group.count)).toEqual([3, 1, 1]);
  });

  test('a bad period is a usage error', () => {
    expect(gaps(['--since', 'yesterday']).code).toBe(2);
    expect(gaps(['--days', 'many']).code).toBe(2);
  });
});

describe('grouping by similarity', () => {
  test('uses the search’s own analysis, so wordings and synonyms meet', async () => {
    const { search } = (await shippedKnowledge()).current();
    const at = new Date();
    const question = (text: string): EditorQuestion => ({ _id: text, at, kind: 'unanswered', question: text });
    const found = groupKnowledgeGaps(
      [question('tip opening hours at christmas'), question('is the tip open at christmas'), question('dog barking')],
      (text) => search.terms(text),
    );
    expect(found.map((gap) => gap.count)).toEqual([2, 1]);
  });
});
