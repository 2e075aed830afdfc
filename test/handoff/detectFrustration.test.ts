import { detectFrustration } from '../../src/handoff/detectFrustration';
import { estimateWaitMinutes } from '../../src/handoff/estimateWait';
import type { HandoffSession } from '../../src/storage/repositories/handoffRepository';

describe('signs of frustration', () => {
  test.each([
    'this is useless',
    'You are USELESS!!',
    'what a waste of time',
    "you're not helping at all",
    "I've already told you that",
    'going round in circles here',
    'ffs',
    'WHY CANT ANYONE ANSWER A SIMPLE QUESTION',
  ])('"%s" is frustration', (text) => {
    expect(detectFrustration(text)).toBe(true);
  });

  test.each([
    'when is my rubbish collected',
    'report useless street light',
    'how do I report fly-tipping',
    'MOT',
    'thank you that was helpful',
    'Is the tip open on Sunday?',
  ])('"%s" is not', (text) => {
    expect(detectFrustration(text)).toBe(false);
  });
});

describe('the expected wait', () => {
  const ended = (minutes: number): HandoffSession =>
    ({
      acceptedAt: new Date(0),
      endedAt: new Date(minutes * 60_000),
    }) as HandoffSession;

  test('is the chats ahead shared among free CSAs, each as long as the median recent chat', () => {
    expect(estimateWaitMinutes(1, 1, [])).toBe(6);
    expect(estimateWaitMinutes(3, 1, [ended(4), ended(5), ended(30)])).toBe(15);
    expect(estimateWaitMinutes(3, 3, [ended(4), ended(5), ended(30)])).toBe(5);
    expect(estimateWaitMinutes(2, 0, [ended(0.2)])).toBe(2);
  });
});
