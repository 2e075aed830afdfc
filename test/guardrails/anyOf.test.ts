import { anyOf, MAX_JOINED_SOURCE } from '../../src/guardrails/anyOf';

/** `anyOf` joins patterns into as few regular expressions as V8 still optimises, and matches where any pattern does. */
describe('anyOf', () => {
  test('a few patterns are one regular expression that matches where any of them does', () => {
    const joined = anyOf([/\bbins?\b/, /\bcouncil tax\b/]);
    expect(joined).toBeInstanceOf(RegExp);
    expect(joined.test('when are my bins')).toBe(true);
    expect(joined.test('how do i pay council tax')).toBe(true);
    expect(joined.test('where is the library')).toBe(false);
  });

  test('patterns too long to join into one are split, each part short enough, and still match', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const patterns = words.map((word) => new RegExp(`\\b${word}\\b`));
    const sources: string[] = [];
    const original = RegExp;
    const spy = jest.spyOn(globalThis, 'RegExp').mockImplementation((source, flags) => {
      sources.push(String(source));
      return new original(source, flags);
    });
    const joined = anyOf(patterns);
    spy.mockRestore();
    expect(sources.length).toBeGreaterThan(1);
    for (const source of sources) expect(source.length).toBeLessThanOrEqual(MAX_JOINED_SOURCE);
    expect(joined.test('it says word0 here')).toBe(true);
    expect(joined.test('and word2999 there')).toBe(true);
    expect(joined.test('word3000 is not one of them')).toBe(false);
  });

  test('patterns with other flags or back-references are refused', () => {
    expect(() => anyOf([/a/, /b/i])).toThrow(/flags/);
    expect(() => anyOf([/(a)\1/])).toThrow(/back-reference/);
  });
});
