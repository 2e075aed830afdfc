import { literalText } from '../../dialogs/replies/literalText';

describe('text shown as typed inside a markdown reply', () => {
  test.each([
    ['markup', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['an entity', 'Tom &amp; Jerry', 'Tom \\&amp; Jerry'],
    ['a link and an image', '[form](javascript:alert(1)) ![x](y)', '\\[form\\](javascript:alert(1)) !\\[x\\](y)'],
    ['emphasis and code', '*rear* _gate_ `bin`', '\\*rear\\* \\_gate\\_ \\`bin\\`'],
    ['a backslash', 'C:\\bins', 'C:\\\\bins'],
    ['a heading, a quote and lists', '# 1\n> no\n- a\n+ b\n2. c\n3) d', '\\# 1\n\\> no\n\\- a\n\\+ b\n2\\. c\n3\\) d'],
    [
      'plain words, a web address and a hyphen mid-line',
      'See https://eastmere.example/bins - fly-tipping',
      'See https://eastmere.example/bins - fly-tipping',
    ],
  ])('%s', (_name, typed, escaped) => {
    expect(literalText(typed)).toBe(escaped);
  });
});
