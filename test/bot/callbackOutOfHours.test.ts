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
