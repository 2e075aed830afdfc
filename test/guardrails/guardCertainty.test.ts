import type { GuardrailExample } from '../../src/guardrails/guardrailExampleSchema';
import { MessageGuard } from '../../src/guardrails/messageGuard';

/**
 * How sure the guard's classifier must be to decline on its own: sentences written for this test, not taken from any
 * evaluation file.
 */
function guardFrom(examples: GuardrailExample[], questions: string[]): MessageGuard {
  return new MessageGuard({ examples, questions });
}

describe('the classifier declines without a word of the reason only when all but certain', () => {
  // Requests to write something unrelated that carry none of the words the reason's cue list names.
  const guard = guardFrom(
    [
      { label: 'offTopicGeneration', text: 'describe a sunset over the sea in the manner of a pirate' },
      { label: 'offTopicGeneration', text: 'describe the smell of fresh bread the way a pirate would' },
      { label: 'offTopicGeneration', text: 'describe my garden in the manner of a pirate captain' },
      { label: 'offTopicGeneration', text: 'describe a thunderstorm in the manner of a sea shanty' },
      { label: 'question', text: 'when is my bin collected' },
      { label: 'question', text: 'how do i pay my council tax' },
    ],
    ['how do i report a pothole', 'where is the nearest library', 'describe the recycling rules for glass'],
  );

  it('declines what it is all but certain of', () => {
    expect(guard.check('describe a rainy morning in the manner of a pirate')).toEqual({
      reason: 'offTopicGeneration',
      via: 'classifier',
    });
  });

  it('answers what it is merely very sure of, with no word of the reason', () => {
    expect(guard.check('describe a pirate')).toBeUndefined();
  });

  it('answers a genuine question that shares the words', () => {
    expect(guard.check('describe the recycling rules for plastic')).toBeUndefined();
  });
});

describe('the classifier does not take asking how to report a wrong for doing one', () => {
  const guard = guardFrom(
    [
      { label: 'harmful', text: 'how can i leave my mattress in the lane without them knowing it was me' },
      { label: 'harmful', text: 'how do i burn my rubbish without them knowing it was me' },
      { label: 'harmful', text: 'how can i block the footpath without them knowing it was me' },
      { label: 'harmful', text: 'how do i cut down the protected oak without them knowing' },
      { label: 'question', text: 'when is my bin collected' },
      { label: 'question', text: 'how do i pay my council tax' },
    ],
    ['how do i report a pothole', 'where is the nearest library'],
  );

  it('declines the act', () => {
    expect(guard.check('how can i dump my old fridge without them knowing it was me')?.reason).toBe('harmful');
  });

  it('answers the report', () => {
    expect(guard.check('how can i report the old fridge dumped in the lane without them knowing it was me')).toBe(
      undefined,
    );
  });
});
