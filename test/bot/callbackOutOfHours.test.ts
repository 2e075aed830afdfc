import type { Activity } from 'botbuilder';
import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { parseOpeningHours } from '../../src/contactCentre/openingHours';
import { createTestBot, metaOf, type TestBot } from '../support/testBot';

function closedCentre(): ContactCentre {
  const parsed = parseOpeningHours('never');
  if (!parsed.ok) throw new Error('bad hours');
  return new ContactCentre(parsed.hours);
}

/** Sends a message and collects every reply to it. */
async function say(testBot: TestBot, text: string): Promise<Partial<Activity>[]> {
  await testBot.adapter.send(text).startTest();
  return testBot.adapter.activeQueue.splice(0);
}

describe('booking a callback out of hours', () => {
  test('what the resident already said is the topic; a number typed at "how should we contact you" is taken', async () => {
    const testBot = await createTestBot({ contactCentre: closedCentre() });
    testBot.handoff.next = { kind: 'closed', nextOpening: undefined };
    await say(testBot, "my council tax bill is wrong, I've been charged twice, call me on 07700 900123");
    const offered = await say(testBot, 'talk to a person');
    expect(offered.map((reply) => metaOf(reply).action)).toContain('handoff');

    const turns: Partial<Activity>[][] = [];
    turns.push(await say(testBot, 'Call me back'));
    expect(metaOf(turns[0]?.at(-1) ?? {})).toMatchObject({ action: 'prompt', form: 'callback', field: 'name' });
    turns.push(await say(testBot, 'Sam Resident'));
    expect(metaOf(turns[1]?.at(-1) ?? {})).toMatchObject({ field: 'contactBy' });
    turns.push(await say(testBot, '07700 900123'));
    expect(metaOf(turns[2]?.at(-1) ?? {})).toMatchObject({ field: 'preferredTime' });
    turns.push(await say(testBot, 'Any time'));
    const summary = turns[3]?.at(-1) ?? {};
    expect(metaOf(summary)).toMatchObject({ action: 'requestSummary', requestType: 'callback' });
    expect(summary.text).toContain("**Topic:** my council tax bill is wrong, I've been charged twice");
    expect(summary.text).not.toContain('07700 900123, call me');
    expect(summary.text).toContain('**Phone:** 07700 900123');
    const sent = await say(testBot, 'Yes, send it');
    expect(sent.map((reply) => metaOf(reply).action)).toContain('requestSubmitted');
    // Five turns from "Call me back" to a reference, instead of seven.
    expect(turns.length + 1).toBe(5);
  });

  test('with nothing said before, the topic is asked first', async () => {
    const testBot = await createTestBot({ contactCentre: closedCentre() });
    const replies = await say(testBot, 'Call me back');
    expect(metaOf(replies.at(-1) ?? {})).toMatchObject({ action: 'prompt', form: 'callback', field: 'topic' });
  });
});

describe('the callback confirmation', () => {
  test('promises a call on a day, between times, from the opening hours and the preferred time', async () => {
    const parsed = parseOpeningHours('Mon-Fri 09:00-17:00');
    if (!parsed.ok) throw new Error('bad hours');
    // Friday 4 December 2026, 19:30: the team is not working.
    const testBot = await createTestBot({
      contactCentre: new ContactCentre(parsed.hours),
      clock: () => new Date('2026-12-04T19:30:00Z'),
    });
    for (const text of ['Call me back', 'My council tax bill', 'Sam Resident', '07700 900123', 'Weekday mornings']) {
      await say(testBot, text);
    }
    const sent = await say(testBot, 'Yes, send it');
    const confirmation = sent.find((reply) => metaOf(reply).action === 'requestSubmitted');
    expect(confirmation?.text).toContain("We'll call you on **Monday 7 December** between 9am and 12pm.");
    expect(confirmation?.text).not.toMatch(/reply in full/);
  });
});
