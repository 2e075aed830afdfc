import { familyReader } from '../../src/guardrails/requestFamilies';
import { ASKING_OR_PLANNING, TOLD_OF_A_SCHEME } from '../../src/guardrails/residentCues';

describe('familyReader: one table of request families, read in order', () => {
  const read = familyReader([
    { reason: 'dataExfiltration', patterns: [/\bkey safe code\b/], unless: [/\bmy own\b/] },
    {
      reason: 'harmful',
      patterns: [/\bfake (?:a|the) (?:fall|trip)\b/, /\bforge\b/],
      when: [ASKING_OR_PLANNING],
      unless: [TOLD_OF_A_SCHEME],
    },
    { reason: 'offTopicGeneration', patterns: [/\bforge\b/] },
  ]);

  test('a family holds when any of its patterns matches and nothing exempts it', () => {
    expect(read('whats the key safe code for number 4')).toBe('dataExfiltration');
    expect(read('how do i fake a fall on the pavement')).toBe('harmful');
  });

  test('an exemption lets the message through to the families after it, or to none', () => {
    expect(read('i forgot my own key safe code')).toBeUndefined();
    expect(read('someone has tried to fake a trip claim, how do i report it')).toBeUndefined();
  });

  test('a condition that does not hold passes the family by, and the first family that holds wins', () => {
    // "forge" without asking or planning is not the harmful family, but it is the next one.
    expect(read('the old forge on mill lane')).toBe('offTopicGeneration');
    expect(read('how can i forge it')).toBe('harmful');
  });

  test('a message no family marks is left to the other readers', () => {
    expect(read('when is my bin collected')).toBeUndefined();
  });
});
