import { readContextCues } from '../../src/conversation/readContextCues';

describe('reading how a message relates to the last one', () => {
  test.each([
    ['nope, i meant the swimming pool', 'the swimming pool'],
    ['sorry, wrong thing. my recycling box was stolen', 'my recycling box was stolen'],
    ['not parking, it is about a bus lane fine', 'it is about a bus lane fine'],
    ['actually i need the allotments page, not the parks', 'i need the allotments page'],
    ['i meant the food waste caddy', 'the food waste caddy'],
    ['no, the hedge is on my side', 'the hedge is on my side'],
  ])('"%s" is a correction, read as "%s"', (text, rest) => {
    expect(readContextCues(text)).toEqual({ cue: 'correction', rest });
  });

  test('"no worries" is thanks, and a correction may follow thanks', () => {
    expect(readContextCues('no worries. where can I park near the market').cue).toBe('newTopic');
    expect(readContextCues('ok, no, i meant the bottle bank')).toEqual({ cue: 'correction', rest: 'the bottle bank' });
  });

  test('"I wanted to know ..." is a question, not a correction', () => {
    expect(readContextCues('i wanted to know if the car park takes cards').cue).not.toBe('correction');
  });

  test('"no one came" and "no bins collected" are reports, not corrections', () => {
    expect(readContextCues('no one has come to empty it yet').cue).not.toBe('correction');
    expect(readContextCues('no recycling collection on our road this week').cue).not.toBe('correction');
    expect(readContextCues('no the other one').cue).toBe('correction');
  });

  test('an apology alone is politeness, not a correction', () => {
    expect(readContextCues('sorry to bother you, how do I book a court at the sports hall').cue).not.toBe('correction');
  });

  test.each([
    ['cheers. also, where do I get a bus pass', 'where do i get a bus pass'],
    ['ok thank you. unrelated but can I complain about a taxi driver', 'can i complain about a taxi driver'],
    ['another question: when are the council meetings', 'when are the council meetings'],
  ])('"%s" starts a new topic, read as "%s"', (text, rest) => {
    expect(readContextCues(text)).toEqual({ cue: 'newTopic', rest });
  });

  test.each([
    ['and for a caravan?', 'ellipsis'],
    ['what about cardboard', 'ellipsis'],
    ['a sofa as well?', 'ellipsis'],
    ['wednesdays?', 'fragment'],
    ['can they come before nine in the morning', 'anaphora'],
    ['does that cost anything for pensioners', 'anaphora'],
  ])('"%s" continues the topic (%s)', (text, form) => {
    expect(readContextCues(text)).toMatchObject({ cue: 'continues', form });
  });

  test('after thanks, "and" joins a new sentence: its own form decides', () => {
    expect(readContextCues('thanks, and where do I get a bus pass').cue).toBe('newTopic');
    expect(readContextCues('thanks, and is it cheaper at weekends?')).toMatchObject({
      cue: 'continues',
      form: 'anaphora',
    });
    expect(readContextCues('ok and for a caravan?')).toMatchObject({ cue: 'continues', form: 'fragment' });
  });

  test('"is there" asks whether something exists; it does not point back', () => {
    expect(readContextCues('is there a swimming pool with a sauna in the district').cue).toBe('plain');
  });
});
