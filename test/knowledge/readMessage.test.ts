import { readMessage } from '../../src/knowledge/readMessage';

const KNOWN = new Set(['bin', 'day', 'when', 'is', 'my', 'council', 'tax', 'street', 'road', 'passport', 'market']);
const knows = (word: string) => KNOWN.has(word);

describe('reading a message as a resident writes it', () => {
  test('a greeting, the resident name and their personal details are set aside', () => {
    const read = readMessage("Good morning! I'm Priya Shah. When is my bin day? 14 Orchard Close EM2 4TT, 07700 900123", knows);
    expect(read.searchText).not.toMatch(/morning|Priya|Shah|Orchard|EM2|07700/);
    expect(read.searchText).toMatch(/When is my bin day/);
  });

  test('full names no article knows are set aside, but a lone unknown name is kept as evidence', () => {
    expect(readMessage('paid my council tax, Jo Bloggs', knows).searchText).not.toMatch(/Jo|Bloggs/);
    expect(readMessage('Passport renewal please', knows).searchText).toMatch(/Passport/);
    expect(readMessage('Renewal of my passport', knows).searchText).toMatch(/Renewal/);
    expect(readMessage('what time does Tesco close', knows).searchText).toMatch(/Tesco/);
    expect(readMessage('bin day on Coronation Street', knows).searchText).not.toMatch(/Coronation/);
  });

  test('words of feeling are noted and set aside', () => {
    const read = readMessage("honestly so fed up, the bin hasn't been emptied for weeks", knows);
    expect(read.upset).toBe(true);
    expect(read.searchText).not.toMatch(/fed up/);
    expect(readMessage('when is my bin day', knows).upset).toBe(false);
    expect(readMessage('an upset stomach after a takeaway', knows)).toMatchObject({ upset: false });
  });

  test('the sentences that ask are picked out of a story', () => {
    const read = readMessage(
      'We moved here in the spring. The old owners left a pile of boxes. When is my bin day?',
      knows,
    );
    expect(read.request).toBe('When is my bin day?');
    expect(readMessage('When is my bin day?', knows).request).toBeUndefined();
  });
});
