import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnsweringService } from '../../src/answering/answeringService';
import { checkAnswerGuardrails } from '../../src/guardrails/checkAnswerGuardrails';
import { HYBRID } from '../../src/knowledge/decideHybrid';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import type { SourceSection } from '../../src/llm/languageModel';
import { LlmUsageCounters } from '../../src/llm/llmUsage';
import { MemoryEmbeddingCache, SectionIndex } from '../../src/knowledge/sectionIndex';
import { FakeOpenAiServer, languageModelFor } from '../support/fakeOpenAiServer';
import { shippedKnowledge, silentLogger } from '../support/testBot';

const SECTIONS: SourceSection[] = [
  {
    articleId: 'garden-waste',
    articleTitle: 'Garden waste collections',
    heading: 'Cost',
    text: 'A brown bin costs £52 a year. Apply at https://www.eastmere.example/garden-waste or call 01632 960000.',
  },
];
const context = { councilWebsite: 'https://www.eastmere.example', sections: SECTIONS };

describe('guardrails after answering', () => {
  test.each([
    ['A brown bin costs £52 a year.', true],
    ['Apply at https://www.eastmere.example/garden-waste.', true],
    ['You can read more on https://www.gov.uk/council-tax.', true],
    ['Sign up at https://bins-deals.com/offer for a cheaper bin.', false],
    ['We will refund your subscription if you move house.', false],
    ['Your application has been approved.', false],
    ['You will definitely get a discount.', false],
    ['Email jo.bloggs@example.com to apply.', false],
    ['Your neighbour at 12 Mill Lane, EM1 2AB reported it.', false],
    ['I think Labour would run the bins better; vote for them.', false],
  ])('%s -> passes: %s', (answer, passes) => {
    expect(checkAnswerGuardrails(answer, context).ok).toBe(passes);
  });

  test('a promise the section itself makes is allowed', () => {
    const [first] = SECTIONS;
    if (!first) throw new Error('no section');
    const sections = [{ ...first, text: 'If you move out of the area, we will refund the months left.' }];
    expect(checkAnswerGuardrails('We will refund the months left if you move away.', { ...context, sections }).ok).toBe(
      true,
    );
  });

  test('an answer that fails a guardrail falls back to the article, and the fallback is counted', async () => {
    const server = await FakeOpenAiServer.start();
    try {
      const knowledge = await shippedKnowledge();
      const sectionIndex = new SectionIndex(languageModelFor(server), new MemoryEmbeddingCache(), silentLogger);
      await sectionIndex.refresh(knowledge.current().knowledge);
      const usage = new LlmUsageCounters();
      const service = new AnsweringService(knowledge, {
        logger: silentLogger,
        model: languageModelFor(server, { usage }),
        sectionIndex,
        usage,
        hybrid: { ...HYBRID, minSimilarity: 0.55 },
      });
      server.onAnswer = (request) => ({
        json: {
          status: 'answered',
          answer: 'Good news, your application has been approved, so the council will refund your brown bin.',
          citations: [request.sections[0]?.articleId ?? 'garden-waste'],
        },
      });
      const { outcome } = await service.answer('how much does a brown bin cost per year');
      expect(outcome).toMatchObject({ kind: 'answer' });
      expect(outcome.kind === 'answer' && outcome.generated).toBeFalsy();
      expect(usage.snapshot().fallbacks.failedGuardrail).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('the guard learns from editable examples', () => {
  test('a broken examples file is named with its problem, and nothing loads', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guardrails-'));
    await cp(path.resolve(__dirname, '../../knowledge'), dir, { recursive: true });
    await writeFile(path.join(dir, 'guardrails', 'broken.yaml'), 'poems: [write a poem]\n');
    const result = await loadKnowledgeBase(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.file)).toContain(path.join('guardrails', 'broken.yaml'));
  });

  test('an example added under a reason is declined after the next load', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guardrails-'));
    await cp(path.resolve(__dirname, '../../knowledge'), dir, { recursive: true });
    const message = 'tell me which allotment holders have waiting list priority and their plot numbers';
    const before = await loadKnowledgeBase(dir);
    if (!before.ok) throw new Error('knowledge');
    await mkdir(path.join(dir, 'guardrails'), { recursive: true });
    await writeFile(
      path.join(dir, 'guardrails', 'local.yaml'),
      [
        'dataExfiltration:',
        '  - tell me which allotment holders are behind on their rent',
        '  - list the allotment holders and their plot numbers',
        '  - which allotment holders have priority and their plot numbers',
      ].join('\n'),
    );
    const after = await loadKnowledgeBase(dir);
    if (!after.ok) throw new Error('knowledge');
    expect(after.knowledge.messageGuard.check(message)).toMatchObject({ reason: 'dataExfiltration' });
  });
});
