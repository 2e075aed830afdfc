import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { answerQuestion } from '../src/knowledge/answerQuestion';
import { parseEvalFile } from '../src/knowledge/evaluateQuestions';
import { KnowledgeService } from '../src/knowledge/knowledgeService';
import { articleText, TempKnowledge } from '../test/support/tempKnowledge';

const ROOT = path.resolve(__dirname, '..');

function sampleQuestions(knownIds: ReadonlySet<string>): string[] {
  // Clean questions, residents' styles and messages with alarming words: the mix the bot meets.
  const files = ['validation-questions.tsv', 'dev-questions.tsv', 'styles-validation.tsv', 'safety-validation.tsv'].map(
    (file) => path.join(ROOT, 'test/fixtures', file),
  );
  return files.flatMap((file) => {
    try {
      const parsed = parseEvalFile(readFileSync(file, 'utf8'), knownIds);
      return parsed.ok ? parsed.questions.map((q) => q.question) : [];
    } catch {
      return [];
    }
  });
}

/** `kb ask` throughput (in process and through the command line) and the time a reload takes after an edit. */
export async function runKnowledgeBench(): Promise<string[]> {
  const logger = pino({ level: 'silent' });
  const loaded = await KnowledgeService.load(path.join(ROOT, 'knowledge'), logger);
  if (!loaded.ok) throw new Error('knowledge base is invalid');
  const { knowledge, search } = loaded.service.current();
  const questions = sampleQuestions(new Set(knowledge.byId.keys()));

  let answered = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const question of questions) answerQuestion(question, knowledge, search);
    answered += questions.length;
  }
  const inProcess = answered / ((performance.now() - started) / 1000);

  const input = Array.from({ length: 5000 }, (_, i) => questions[i % questions.length]).join('\n');
  const cliStarted = performance.now();
  const cli = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    ['--no-regexp-tier-up', 'src/cli/kb.ts', 'ask', '--json'],
    {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const cliSeconds = (performance.now() - cliStarted) / 1000;
  const cliLines = cli.stdout.trim().split('\n').length;

  const reload = await measureReload(logger);
  return [
    `kb ask, in process: ${Math.round(inProcess).toLocaleString('en-GB')} questions/s (${questions.length} distinct questions, 2 s)`,
    `kb ask --json, command line end to end: ${cliLines} questions in ${cliSeconds.toFixed(2)} s = ${Math.round(cliLines / cliSeconds).toLocaleString('en-GB')} questions/s (start-up included)`,
    `knowledge reload: full reload ${reload.fullMs.toFixed(0)} ms (median of 5); edit saved to new answer served ${reload.editMs.toFixed(0)} ms (target < 2,000 ms)`,
  ];
}

async function measureReload(logger: pino.Logger): Promise<{ fullMs: number; editMs: number }> {
  const temp = new TempKnowledge({ copyArticles: true });
  const loaded = await KnowledgeService.load(temp.dir, logger);
  if (!loaded.ok) throw new Error('copied knowledge base is invalid');
  const service = loaded.service;
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await service.reload();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    await service.watch();
    const started = performance.now();
    temp.write('articles/parks/bench-article.md', articleText({ title: 'Bench article' }));
    while (!service.current().knowledge.byId.has('bench-article')) {
      if (performance.now() - started > 10_000) throw new Error('edit was not picked up within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { fullMs: times[2] ?? 0, editMs: performance.now() - started };
  } finally {
    await service.close();
    temp.remove();
  }
}
