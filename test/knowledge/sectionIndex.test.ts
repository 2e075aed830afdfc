import { articleSections } from '../../src/knowledge/articleSections';
import { keepSectionsEmbedded } from '../../src/knowledge/keepSectionsEmbedded';
import { KnowledgeService } from '../../src/knowledge/knowledgeService';
import { SectionIndex } from '../../src/knowledge/sectionIndex';
import { EmbeddingRepository } from '../../src/storage/repositories/embeddingRepository';
import { embeddedHarness, type StoreHarness } from '../storage/support/storeHarness';
import { FakeOpenAiServer, languageModelFor } from '../support/fakeOpenAiServer';
import { articleText, TempKnowledge } from '../support/tempKnowledge';
import { shippedKnowledge, silentLogger } from '../support/testBot';

const BODY = [
  '# Allotments',
  '',
  'We have 200 allotment plots across the district.',
  '',
  '## Waiting list',
  'Join the waiting list online; we offer plots in order.',
  '',
  '## Rules',
  'Keep your plot tidy and cultivated.',
].join('\n');

let server: FakeOpenAiServer;
let harness: StoreHarness;
let temp: TempKnowledge;

beforeAll(async () => {
  server = await FakeOpenAiServer.start();
});
beforeEach(async () => {
  server.reset();
  harness = await embeddedHarness();
  temp = new TempKnowledge();
});
afterEach(async () => {
  temp.remove();
  await harness.dispose();
});
afterAll(() => server.close());

function embeddedTexts(): string[] {
  return server.requestsTo('embeddings').flatMap((request) => {
    const input = request.body.input;
    return Array.isArray(input) ? input.map(String) : [];
  });
}

async function openRepository(): Promise<EmbeddingRepository> {
  const repository = new EmbeddingRepository(harness.store());
  await repository.ensureIndexes();
  return repository;
}

describe('article sections', () => {
  test('the title and summary are one section, then the body is cut at every heading', async () => {
    const article = (await shippedKnowledge()).current().knowledge.byId.get('garden-waste');
    if (!article) throw new Error('garden-waste is missing');
    const sections = articleSections(article);
    expect(sections.map((section) => section.heading)).toEqual([
      'Summary',
      'Garden waste collection',
      'How it works',
      'Cost (2026 to 2027)',
      'What can go in',
      'What cannot go in',
      'How to subscribe or renew',
      'Moving house',
      'Home composting',
      'Contact us',
    ]);
    expect(sections[0]?.text).toBe(article.summary);
    expect(sections[3]?.text).toContain('£52 a year');
    expect(sections[3]?.embeddingText.startsWith('Garden waste collection: Cost (2026 to 2027)\n')).toBe(true);
    expect(new Set(sections.map((section) => section.hash)).size).toBe(sections.length);
  });
});

describe('section embeddings', () => {
  test('are cached in the store by model and content hash, so a restart embeds nothing', async () => {
    temp.write('parks/allotments.md', articleText({}, BODY));
    const loaded = await KnowledgeService.load(temp.dir, silentLogger);
    if (!loaded.ok) throw new Error('invalid knowledge');
    const knowledge = loaded.service.current().knowledge;
    const first = new SectionIndex(languageModelFor(server), await openRepository(), silentLogger);
    expect(await first.refresh(knowledge)).toEqual({ total: 4, reused: 0, embedded: 4, missing: 0 });
    expect(await (await openRepository()).count('fake-embedding')).toBe(4);

    await harness.reopen();
    server.reset();
    const afterRestart = new SectionIndex(languageModelFor(server), await openRepository(), silentLogger);
    expect(await afterRestart.refresh(knowledge)).toEqual({ total: 4, reused: 4, embedded: 0, missing: 0 });
    expect(server.requests).toHaveLength(0);
    expect(afterRestart.isComplete(knowledge)).toBe(true);
  });

  test('an edit re-embeds only the sections whose text changed, when the knowledge service reloads', async () => {
    temp.write('parks/allotments.md', articleText({}, BODY));
    const loaded = await KnowledgeService.load(temp.dir, silentLogger);
    if (!loaded.ok) throw new Error('invalid knowledge');
    const service = loaded.service;
    const index = new SectionIndex(languageModelFor(server), await openRepository(), silentLogger);
    const stop = keepSectionsEmbedded(service, index, silentLogger);
    try {
      await index.idle();
      expect(embeddedTexts()).toHaveLength(4);
      server.reset();

      temp.write('parks/allotments.md', articleText({}, BODY.replace('tidy and cultivated', 'tidy, safe and cultivated')));
      const reloaded = await service.reload();
      expect(reloaded.ok).toBe(true);
      await index.idle();
      expect(embeddedTexts()).toEqual(['Allotments: Rules\nKeep your plot tidy, safe and cultivated.']);
      expect(index.isComplete(service.current().knowledge)).toBe(true);
    } finally {
      stop();
      await service.close();
    }
  });

  test('when the model is down, the sections wait for the next refresh and search uses those that are ready', async () => {
    temp.write('parks/allotments.md', articleText({}, BODY));
    const loaded = await KnowledgeService.load(temp.dir, silentLogger);
    if (!loaded.ok) throw new Error('invalid knowledge');
    const knowledge = loaded.service.current().knowledge;
    const index = new SectionIndex(languageModelFor(server), await openRepository(), silentLogger);
    server.onEmbeddings = () => ({ status: 500 });
    expect(await index.refresh(knowledge)).toMatchObject({ embedded: 0, missing: 4 });
    expect(index.hasVectors(knowledge)).toBe(false);
    server.onEmbeddings = () => undefined;
    expect(await index.refresh(knowledge)).toMatchObject({ embedded: 4, missing: 0 });
    const query = await languageModelFor(server).embed(['allotment waiting list']);
    if (!query.ok) throw new Error('embedding failed');
    const [match] = index.search(knowledge, query.vectors[0] ?? new Float32Array());
    expect(match?.articleId).toBe('allotments');
    expect(match?.sections[0]?.section.heading).toBe('Waiting list');
  });
});
