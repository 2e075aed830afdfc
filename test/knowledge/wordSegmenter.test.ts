import { splitCamelCase, WordSegmenter } from '../../src/knowledge/wordSegmenter';

const known = new Map(
  ['bin', 'day', 'which', 'bit', 'ten', 'for', 'got', 'council', 'tax', 'direct', 'debit', 'whats', 'my', 'garden', 'waste', 'collection', 'on', 'collect'].map(
    (word): [string, number] => [word, 3],
  ),
);
const segmenter = new WordSegmenter(known);

describe('splitting run-together words against the knowledge base', () => {
  test.each([
    ['binday', ['bin', 'day']],
    ['counciltax', ['council', 'tax']],
    ['directdebit', ['direct', 'debit']],
    ['whichbin', ['which', 'bin']],
    ['gardenwastecollection', ['garden', 'waste', 'collection']],
  ])('"%s" is read as %j', (word, pieces) => {
    expect(segmenter.split(word)).toEqual(pieces);
  });

  test('a known word is never broken up, and neither is a word with an unknown piece', () => {
    expect(segmenter.split('collection')).toEqual(['collection']);
    expect(segmenter.split('binxyzq')).toEqual(['binxyzq']);
    expect(segmenter.split('bin')).toEqual(['bin']);
    expect(segmenter.split('bitten')).toEqual(['bitten']);
    expect(segmenter.split('forgot')).toEqual(['forgot']);
  });

  test('words run together with capitals are split where the capitals are', () => {
    expect(splitCamelCase('TipOpeningTimes')).toBe('Tip Opening Times');
    expect(splitCamelCase('FOIrequest')).toBe('FOI request');
    expect(splitCamelCase('extraBIN')).toBe('extra BIN');
    expect(splitCamelCase('Council Tax')).toBe('Council Tax');
  });
});
