import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase, WARDS_FILE } from '../../src/knowledge/loadKnowledgeBase';
import { COLLECTIONS_FILE, GAZETTEER_FILE } from '../../src/places/loadPlaces';
import { articleText, TempKnowledge } from '../support/tempKnowledge';
import { SHIPPED_KNOWLEDGE } from '../support/testBot';

const ROOT = path.resolve(__dirname, '../..');
const shipped = (file: string) => readFileSync(path.join(SHIPPED_KNOWLEDGE, file), 'utf8');
const gazetteer = shipped(GAZETTEER_FILE);
const collections = shipped(COLLECTIONS_FILE);

describe('the gazetteer and the collection rounds (knowledge/places)', () => {
  let kb: TempKnowledge;
  beforeEach(() => {
    kb = new TempKnowledge();
    kb.write('allotments.md', articleText());
    kb.write(WARDS_FILE, shipped(WARDS_FILE));
  });
  afterEach(() => kb.remove());

  async function problemsWith(files: { gazetteer?: string; collections?: string }): Promise<string[]> {
    kb.write(GAZETTEER_FILE, files.gazetteer ?? gazetteer);
    kb.write(COLLECTIONS_FILE, files.collections ?? collections);
    const result = await loadKnowledgeBase(kb.dir);
    return result.ok ? [] : result.problems.map((p) => `${p.file}: ${p.problem}`);
  }

  test('the shipped sample: over 200 example addresses on 10 streets, 3 wards and 4 rounds, with the council offices', async () => {
    const result = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { gazetteer: places, collections: rounds } = result.knowledge.places;
    expect(places.size).toBeGreaterThanOrEqual(200);
    expect(new Set(places.addresses.map((a) => a.street)).size).toBe(10);
    expect(new Set(places.addresses.map((a) => a.ward))).toEqual(new Set(['market', 'northgate', 'riverside']));
    expect(new Set(places.addresses.map((a) => a.round)).size).toBe(4);
    expect(rounds?.rounds).toHaveLength(4);
    expect(places.atPostcode('em11aa')[0]?.label).toBe('1 Market Square, Eastmere EM1 1AA');
    const rows = gazetteer.trim().split('\n').slice(1);
    expect(rows.every((row) => row.endsWith(',yes'))).toBe(true);
    expect(rounds?.example).toBe(true);
  });

  test('without a places folder the rest still loads, with no addresses and no rounds', async () => {
    const result = await loadKnowledgeBase(kb.dir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.knowledge.places.gazetteer.size).toBe(0);
    expect(result.knowledge.places.collections).toBeUndefined();
  });

  test('a bad UPRN is refused, naming the file and line', async () => {
    const bad = gazetteer.replace('100091000003,', '0091000003X,');
    expect(await problemsWith({ gazetteer: bad })).toEqual([
      `${GAZETTEER_FILE}:4: UPRN: must be a UPRN: 1 to 12 digits, not starting with 0`,
    ]);
  });

  test('the same UPRN twice is refused', async () => {
    const twice = gazetteer.replace('100091000003,', '100091000002,');
    expect(await problemsWith({ gazetteer: twice })).toEqual([
      `${GAZETTEER_FILE}:4: UPRN 100091000002 is also on line 3`,
    ]);
  });

  test('a ward that wards.yaml does not have is refused', async () => {
    const bad = gazetteer.replace(',market,monday,yes', ',marketplace,monday,yes');
    expect(await problemsWith({ gazetteer: bad })).toEqual([`${GAZETTEER_FILE}:2: WARD: unknown ward "marketplace"`]);
  });

  test('a round the collections file does not have is refused', async () => {
    const bad = gazetteer.replace(',market,monday,yes', ',market,friday,yes');
    expect(await problemsWith({ gazetteer: bad })).toEqual([`${GAZETTEER_FILE}:2: ROUND: unknown round "friday"`]);
  });

  test('a bad postcode and a missing column are refused', async () => {
    const badPostcode = gazetteer.replace(',EM1 1AA,', ',EM1 XXX,');
    expect((await problemsWith({ gazetteer: badPostcode }))[0]).toMatch(/gazetteer\.csv:2: POSTCODE: .*UK postcode/);
    const noRound = gazetteer.replace(',ROUND,', ',ROUNDS,');
    expect(await problemsWith({ gazetteer: noRound })).toEqual([
      `${GAZETTEER_FILE}: the header lacks the column(s) ROUND`,
    ]);
  });

  test('a round without a weekday is refused', async () => {
    const bad = collections.replace('    weekday: Tuesday\n', '');
    expect(await problemsWith({ collections: bad })).toEqual([
      `${COLLECTIONS_FILE}: rounds.1.weekday: must be a weekday: Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday`,
    ]);
  });

  test("a fortnightly anchor date off the round's weekday, or an unknown bin, is refused", async () => {
    const offDay = collections.replace('from: 2026-01-05', 'from: 2026-01-06');
    expect(await problemsWith({ collections: offDay })).toEqual([
      `${COLLECTIONS_FILE}: rounds.0.collections.1.from: 2026-01-06 is not a Monday`,
    ]);
    const unknownBin = collections.replace('{ bin: food, every: week }', '{ bin: glass, every: week }');
    expect((await problemsWith({ collections: unknownBin }))[0]).toMatch(/unknown bin "glass"/);
  });

  test('kb check fails on an unknown ward, naming the file and line', () => {
    kb.write(GAZETTEER_FILE, gazetteer.replace(',market,monday,yes', ',marketplace,monday,yes'));
    kb.write(COLLECTIONS_FILE, collections);
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/kb.ts', 'check'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, KNOWLEDGE_DIR: kb.dir, OPENAI_API_KEY: '' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/places\/gazetteer\.csv:2: WARD: unknown ward "marketplace"/);
  });
});

describe('editing the gazetteer while the bot runs', () => {
  test('a good edit is served after a reload; a broken one keeps the last good gazetteer', async () => {
    const kb = new TempKnowledge({ copyArticles: true });
    try {
      const { KnowledgeService } = await import('../../src/knowledge/knowledgeService');
      const { silentLogger } = await import('../support/testBot');
      const loaded = await KnowledgeService.load(kb.dir, silentLogger);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      const service = loaded.service;
      const places = () => service.current().knowledge.places.gazetteer;
      expect(places().atPostcode('EM1 1AA')).toHaveLength(6);

      kb.write(
        GAZETTEER_FILE,
        `${gazetteer}100091999999,,7,MARKET SQUARE,,EASTMERE,EM1 1AA,38100001,,,market,monday,yes\n`,
      );
      expect((await service.reload()).ok).toBe(true);
      expect(places().atPostcode('EM1 1AA')).toHaveLength(7);

      kb.write(GAZETTEER_FILE, gazetteer.replace(',market,monday,yes', ',nowhere,monday,yes'));
      const broken = await service.reload();
      expect(broken.ok).toBe(false);
      expect(places().atPostcode('EM1 1AA')).toHaveLength(7);
      await service.close();
    } finally {
      kb.remove();
    }
  });
});
