import pino from 'pino';
import { KnowledgeService } from '../../src/knowledge/knowledgeService';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import { articleText, TempKnowledge } from '../support/tempKnowledge';

const MESSAGE = 'the quarry pond ice cracked under the kids';

describe('an editor teaches the detector a phrasing in knowledge/safety', () => {
  let kb: TempKnowledge;

  beforeEach(() => {
    kb = new TempKnowledge();
    kb.write('articles/allotments.md', articleText());
  });
  afterEach(() => kb.remove());

  test('an added example changes detection after a reload', async () => {
    const loaded = await KnowledgeService.load(kb.dir, pino({ level: 'silent' }));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const service = loaded.service;
    expect(service.current().knowledge.urgentDetector.detect(MESSAGE)).toBeUndefined();

    kb.write(
      'safety/ice.yaml',
      [
        'structure:',
        '  - ice cracked on the pond and the kids went through',
        '  - kids fell through the ice on the quarry pond',
        '  - the pond ice cracked with children on it',
        '  - someone went through the ice at the quarry',
        'routine:',
        '  - is the quarry open for walks',
        '  - can i fish in the pond',
      ].join('\n'),
    );
    const reloaded = await service.reload();
    expect(reloaded.ok).toBe(true);
    expect(service.current().knowledge.urgentDetector.detect(MESSAGE)?.category).toBe('structure');
  });

  test('a malformed examples file is named as a problem, so kb check refuses it', async () => {
    kb.write('safety/bad.yaml', 'flood:\n  - water everywhere\n');
    const loaded = await loadKnowledgeBase(kb.dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.file)).toContain('safety/bad.yaml');
  });
});
