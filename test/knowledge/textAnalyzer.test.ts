import { SpellingCorrector } from '../../src/knowledge/spellingCorrector';
import { normaliseText, TextAnalyzer } from '../../src/knowledge/textAnalyzer';

const vocabulary = {
  entries: [
    { means: 'household waste recycling centre', say: ['tip', 'the dump'] },
    { means: 'fly tipping', say: ['fly tipping', 'flytipping', 'tipping'] },
    { means: 'garden waste', say: ['brown bin'] },
    { means: 'not', say: ['cant', 'didnt'] },
  ],
  ignore: ['eastmere'],
  keep: ['parking', 'tipping'],
};

describe('text analysis', () => {
  const analyzer = new TextAnalyzer(vocabulary);

  test('normalises case, accents, apostrophes and punctuation', () => {
    expect(normaliseText("Neighbour's  CAFÉ & bar!")).toBe('neighbours cafe and bar');
  });

  test('stems words and drops stop words, keeping "when" and "where", which say what is asked', () => {
    expect(analyzer.terms('Are the bins collected?')).toEqual(['bin', 'collect']);
    expect(analyzer.terms('When are the bins collected?')).toEqual(['when', 'bin', 'collect']);
  });

  test('reads residents’ words as the articles’ words, longest phrase first', () => {
    expect(analyzer.terms('tip opening hours')).toEqual(['household', 'wast', 'recycl', 'centr', 'open', 'hour']);
    expect(analyzer.terms('fly tipping on my road')).toEqual(['fli', 'tipping', 'road']);
    expect(analyzer.terms('my brown bin')).toEqual(['garden', 'wast']);
  });

  test('keeps negation, so "can\'t pay" is not "pay"', () => {
    expect(analyzer.terms("I can't pay")).toEqual(['not', 'pay']);
  });

  test('words in keep are not stemmed, so parking is not park', () => {
    expect(analyzer.terms('parking in the park')).toEqual(['parking', 'park']);
  });

  test('ignored words are dropped', () => {
    expect(analyzer.terms('Eastmere bins')).toEqual(['bin']);
  });
});

describe('spelling correction', () => {
  const speller = new SpellingCorrector(['collection', 'collection', 'calendar', 'recycling', 'council', 'counsel']);

  test.each([
    ['collecton', 'collection'],
    ['calender', 'calendar'],
    ['recyling', 'recycling'],
    ['councli', 'council'],
  ])('%s becomes %s', (typed, corrected) => {
    expect(speller.correct(typed)).toBe(corrected);
  });

  test('known words, short words and numbers are left alone', () => {
    expect(speller.correct('counsel')).toBe('counsel');
    expect(speller.correct('bin')).toBe('bin');
    expect(speller.correct('2025')).toBe('2025');
    expect(speller.correct('everest')).toBe('everest');
  });

  test('a word longer than any resident types is left alone, so it cannot tie up the server', () => {
    const word = `collecton${'a'.repeat(4000)}`;
    expect(speller.correct(word)).toBe(word);
  });
});
