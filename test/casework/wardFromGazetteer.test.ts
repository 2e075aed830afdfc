import { wardFromGazetteer } from '../../src/casework/wardFromGazetteer';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase';
import type { Gazetteer } from '../../src/places/gazetteer';
import type { ServiceRequest } from '../../src/storage/repositories/requestRepository';
import { SHIPPED_KNOWLEDGE } from '../support/testBot';

let gazetteer: Gazetteer;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase(SHIPPED_KNOWLEDGE);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  gazetteer = loaded.knowledge.places.gazetteer;
});

const request = (details: Record<string, string>) => ({ details }) as unknown as ServiceRequest;

describe("a resident's request placed in a ward for `Your ward`", () => {
  test('by the UPRN the address step stored', () => {
    const wardOf = wardFromGazetteer(() => gazetteer);
    expect(wardOf(request({ uprn: '100091000113', bin: 'Food caddy' }))).toBe('riverside');
    expect(wardOf(request({ uprn: '100091000001' }))).toBe('market');
  });

  test('by a postcode whose addresses are all in one ward, however it was typed', () => {
    const wardOf = wardFromGazetteer(() => gazetteer);
    expect(wardOf(request({ postcode: 'em2 3ca', location: 'behind the shops' }))).toBe('northgate');
  });

  test('a case keeps the ward it was raised for; an unknown place has none', () => {
    const wardOf = wardFromGazetteer(() => gazetteer);
    expect(wardOf(request({ wardId: 'riverside', uprn: '100091000001' }))).toBe('riverside');
    expect(wardOf(request({ postcode: 'ZZ9 9ZZ' }))).toBeUndefined();
    expect(wardOf(request({ location: 'the park' }))).toBeUndefined();
    expect(wardOf(request({ uprn: '999' }))).toBeUndefined();
  });
});
