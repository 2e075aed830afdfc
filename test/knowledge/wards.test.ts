import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase, WARDS_FILE } from '../../src/knowledge/loadKnowledgeBase';
import { articleText, TempKnowledge } from '../support/tempKnowledge';
import { SHIPPED_KNOWLEDGE } from '../support/testBot';

const shippedWards = readFileSync(path.join(SHIPPED_KNOWLEDGE, WARDS_FILE), 'utf8');

describe('wards and councillors (wards.yaml)', () => {
  let kb: TempKnowledge;
  beforeEach(() => {
    kb = new TempKnowledge();
    kb.write('allotments.md', articleText());
  });
  afterEach(() => kb.remove());

  async function problemsWith(wards: string): Promise<string[]> {
    kb.write(WARDS_FILE, wards);
    const result = await loadKnowledgeBase(kb.dir);
    return result.ok ? [] : result.problems.filter((p) => p.file === WARDS_FILE).map((p) => p.problem);
  }

  test('the shipped sample has three wards, each with councillors, looked up by id', async () => {
    const result = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.knowledge.wards.map((ward) => ward.id)).toEqual(['market', 'northgate', 'riverside']);
    expect(result.knowledge.wardById.get('market')?.councillors[0]).toMatchObject({
      name: expect.stringMatching(/^Councillor /),
      party: expect.any(String),
      email: expect.stringMatching(/@eastmere\.example$/),
    });
    expect(result.knowledge.profile.meetingsSite).toMatch(/^https:\/\//);
  });

  test('without the file there are no wards, and the rest still loads', async () => {
    const result = await loadKnowledgeBase(kb.dir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.knowledge.wards).toEqual([]);
    expect(result.knowledge.wardById.size).toBe(0);
  });

  test('a ward id used twice is refused, naming it', async () => {
    const twice = shippedWards.replace('id: northgate', 'id: market');
    expect(await problemsWith(twice)).toEqual([expect.stringMatching(/"market" is used twice/)]);
  });

  test('a ward without councillors is refused', async () => {
    const none = 'wards:\n  - id: market\n    name: Market ward\n    councillors: []\n';
    expect(await problemsWith(none)).toEqual([expect.stringMatching(/at least one councillor/)]);
  });

  test('a ward id that is not lower-case words joined by hyphens is refused', async () => {
    const bad = shippedWards.replace('id: riverside', 'id: River Side');
    expect(await problemsWith(bad)).toEqual([expect.stringMatching(/lower-case words joined by hyphens/)]);
  });

  test("a councillor's email must be an email address", async () => {
    const bad = shippedWards.replace('aisha.bello@eastmere.example', 'aisha.bello');
    expect(await problemsWith(bad)).toHaveLength(1);
  });
});
