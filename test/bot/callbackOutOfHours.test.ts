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
  test('a phone number or email typed at "How should we contact you?" answers that question and the next', async () => {
    const testBot = await createTestBot({ contactCentre: closedCentre() });
    const turns: Partial<Activity>[][] = [];
    for (const text of ['Call me back', 'My council tax bill', 'Sam Resident', '07700 900123']) {
      turns.push(await say(testBot, text));
    }
    expect(metaOf(turns[2]?.at(-1) ?? {})).toMatchObject({ field: 'contactBy' });
    expect(metaOf(turns[3]?.at(-1) ?? {})).toMatchObject({ field: 'preferredTime' });
    const summary = (await say(testBot, 'Any time')).at(-1) ?? {};
    expect(summary.text).toContain('**Contact by:** Phone');
    expect(summary.text).toContain('**Phone:** 07700 900123');

    const byEmail = await createTestBot({ contactCentre: closedCentre() });
    for (const text of ['Call me back', 'Housing', 'Sam Resident']) await say(byEmail, text);
    const [next] = await say(byEmail, 'Sam.Resident@Example.org');
    expect(metaOf(next ?? {})).toMatchObject({ field: 'preferredTime' });
  });

  test('with nothing asked before, the topic is asked first', async () => {
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
