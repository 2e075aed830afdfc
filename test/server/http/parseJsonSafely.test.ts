import { MAX_JSON_DEPTH, parseJsonSafely } from '../../../src/server/http/parseJsonSafely';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('parsing JSON from the internet', () => {
  test.each([
    ['an object', '{"type":"message","text":"hello"}', { type: 'message', text: 'hello' }],
    [
      'brackets inside strings do not count as nesting',
      JSON.stringify({ text: '['.repeat(500) }),
      { text: '['.repeat(500) },
    ],
    ['escaped quotes inside strings', '{"text":"a \\"[[[\\" b"}', { text: 'a "[[[" b' }],
    ['"constructor" as a plain value', '{"constructor":"a builder"}', { constructor: 'a builder' }],
    ['nesting at the limit', nested(MAX_JSON_DEPTH), expect.any(Array)],
    ['tabs and line breaks', JSON.stringify({ text: 'a\tb\r\nc' }), { text: 'a\tb\r\nc' }],
    [
      'invisible characters that are text: a family emoji, direction marks, a zero-width space',
      JSON.stringify({ text: '👨‍👩‍👧 \u200fمرحبا\u200e a\u200bb' }),
      { text: '👨‍👩‍👧 \u200fمرحبا\u200e a\u200bb' },
    ],
  ])('accepts %s', (_name, text, value) => {
    expect(parseJsonSafely(text)).toEqual({ ok: true, value });
  });

  test.each([
    ['truncated JSON', '{"type":"message","text":', 'syntax'],
    ['not JSON at all', 'type=message', 'syntax'],
    ['nesting one level too deep', nested(MAX_JSON_DEPTH + 1), 'tooDeep'],
    ['nesting 100,000 levels deep', nested(100_000), 'tooDeep'],
    ['a __proto__ key', '{"__proto__":{"isAdmin":true}}', 'forbiddenKey'],
    ['a __proto__ key deep inside', '{"a":[{"b":{"__proto__":{}}}]}', 'forbiddenKey'],
    ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}}}', 'forbiddenKey'],
    ['a NUL character', '{"text":"bins\\u0000"}', 'controlCharacter'],
    ['an escape sequence', JSON.stringify({ text: '\u001b[31mred' }), 'controlCharacter'],
    ['a C1 control character', JSON.stringify({ a: [{ b: 'x\u0085' }] }), 'controlCharacter'],
    ['a control character in a key', JSON.stringify({ 'te\u0007xt': 'hi' }), 'controlCharacter'],
    ['half a surrogate pair', '{"text":"\\ud83d"}', 'controlCharacter'],
    ['a low surrogate alone', '{"text":"a\\ude00b"}', 'controlCharacter'],
  ])('refuses %s', (_name, text, problem) => {
    expect(parseJsonSafely(text)).toEqual({ ok: false, problem });
  });

  test('a refused body leaves Object.prototype alone', () => {
    parseJsonSafely('{"__proto__":{"polluted":true}}');
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  test('a large flat array is checked without exhausting the stack', () => {
    expect(parseJsonSafely(`[${'0,'.repeat(200_000)}0]`).ok).toBe(true);
  });
});
