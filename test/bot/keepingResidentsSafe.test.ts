import type { Activity } from 'botbuilder';
import type { QuestionAnswering } from '../../src/answering/answeringService';
import type { UrgentCertainty } from '../../src/knowledge/answerQuestion';
import { ContactCentre } from '../../src/contactCentre/contactCentre';
import { parseOpeningHours } from '../../src/contactCentre/openingHours';
import type { UrgentCategory } from '../../src/safety/urgentCategory';
import { buttonsOf, createTestBot, metaOf } from '../support/testBot';

function centre(hours: string): ContactCentre {
  const parsed = parseOpeningHours(hours);
  if (!parsed.ok) throw new Error('bad hours');
  return new ContactCentre(parsed.hours);
}

/**
 * The real answering service, except that the messages listed are flagged as given: the safety check's outcome is
 * another part's job, so these tests fix it and look at what the bot does with it.
 */
function flagging(flags: Record<string, { category: UrgentCategory; certainty: UrgentCertainty }>) {
  return (real: QuestionAnswering): QuestionAnswering => ({
    rememberChoice: (article) => real.rememberChoice(article),
    async answer(text, context) {
      const flag = flags[text];
      if (!flag) return real.answer(text, context);
      const { outcome } = await real.answer(text, context);
      return { outcome: { kind: 'urgent', ...flag, candidates: outcome.candidates }, remember: [], topic: undefined };
    },
  });
}

/** The numbers of the reply's contact list, in order (the last bold number of each "- " line). */
function numbersListed(reply: Partial<Activity>): string[] {
  return (reply.text ?? '')
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => [...line.matchAll(/\*\*([0-9 ]+)\*\*/g)].at(-1)?.[1] ?? '');
}

const CONTACTS: Record<UrgentCategory, string[]> = {
  selfHarm: ['999', '116 123', '85258', '111'],
  danger: ['999', '101'],
  abuse: ['999', '0808 2000 247', '0808 801 0327', '0808 808 8141'],
  child: ['999', '01632 960140', '01632 960150', '0808 800 5000', '0800 1111'],
  adultWelfare: ['999', '101', '01632 960160'],
  gas: ['999', '0800 111 999'],
  fire: ['999'],
  medical: ['999', '111'],
  homelessTonight: ['999', '01632 960999', '0808 800 4444'],
  structure: ['999', '01632 960999', '105', '0345 988 1188'],
};

const FIRST_STEP: Record<UrgentCategory, RegExp> = {
  selfHarm: /You don't have to deal with it alone/,
  danger: /call 999\*\* and ask for the police/,
  abuse: /press 55/,
  child: /children's services/,
  adultWelfare: /welfare check on \*\*101\*\*/,
  gas: /Leave the building now/,
  fire: /get everyone out/,
  medical: /for an ambulance/,
  homelessTonight: /emergency housing line/,
  structure: /Keep everyone well away/,
};

const CATEGORIES = Object.keys(CONTACTS).filter((key): key is UrgentCategory => key in FIRST_STEP);

describe('each kind of emergency gets its first step, then 999 and its own numbers, in order', () => {
  test.each(CATEGORIES)('%s', async (category) => {
    const text = `a message the safety check flags as ${category}`;
    const { adapter, handoff } = await createTestBot({
      wrapAnswering: flagging({ [text]: { category, certainty: 'sure' } }),
      contactCentre: centre('always'),
    });
    await adapter
      .send(text)
      .assertReply((reply) => {
        expect(metaOf(reply)).toEqual({ action: 'urgent', urgent: true, urgentCategory: category });
        expect(reply.text).toMatch(FIRST_STEP[category]);
        expect(numbersListed(reply)).toEqual(CONTACTS[category]);
      })
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'queued' }));
    expect(handoff.requests).toMatchObject([{ reason: 'urgent', priority: 'urgent', urgentCategory: category }]);
  });
});

describe('messages the safety check flags today, as residents write them', () => {
  test.each([
    ['I keep thinking about ending my life', 'selfHarm'],
    ['a man is outside my door with a knife threatening me', 'danger'],
    ["my partner punched me last night and I'm scared to go home", 'abuse'],
    ["the little boy next door is left home alone for days and isn't being fed", 'child'],
    ['I can smell gas in the hallway of my flat', 'gas'],
    ["my neighbour's house is on fire", 'fire'],
    ["my husband has collapsed and isn't breathing", 'medical'],
    ["I've been evicted and I have nowhere to sleep tonight", 'homelessTonight'],
  ])('"%s" (%s)', async (text, category) => {
    const { adapter } = await createTestBot({ contactCentre: centre('always') });
    await adapter.send(text).assertReply((reply) => {
      expect(metaOf(reply)).toMatchObject({ action: 'urgent', urgent: true, urgentCategory: category });
      expect(numbersListed(reply)[0]).toBe('999');
    });
  });
});

describe('when the safety check is not sure, the bot asks whether anyone is in danger first', () => {
  const text = 'my flatmate has been saying odd things about not being around much longer';
  const options = () => ({
    wrapAnswering: flagging({ [text]: { category: 'selfHarm', certainty: 'check' } }),
    contactCentre: centre('always'),
  });

  async function asked() {
    const testBot = await createTestBot(options());
    await testBot.adapter.send(text).assertReply((reply) => {
      expect(metaOf(reply)).toEqual({ action: 'urgent', urgent: true, urgentCategory: 'selfHarm', urgentCheck: true });
      expect(reply.text).toMatch(/It sounds like someone may be at risk\. Is anyone in danger right now\?/);
      expect(reply.text).toMatch(/\*\*call 999\*\*/);
      expect(buttonsOf(reply)).toEqual(['Yes, someone is in danger now', 'No, not right now', 'Talk to a person']);
    });
    expect(testBot.handoff.requests).toEqual([]);
    return testBot;
  }

  test('yes: the full emergency reply and urgent routing', async () => {
    const { adapter, handoff } = await asked();
    await adapter
      .send('Yes, someone is in danger now')
      .assertReply((reply) => {
        expect(metaOf(reply)).toEqual({ action: 'urgent', urgent: true, urgentCategory: 'selfHarm' });
        expect(numbersListed(reply)).toEqual(CONTACTS.selfHarm);
      })
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'queued' }));
    expect(handoff.requests).toMatchObject([{ reason: 'urgent', priority: 'urgent', urgentCategory: 'selfHarm' }]);
  });

  test('a short "yep" counts as yes', async () => {
    const { adapter } = await asked();
    await adapter
      .send('yep')
      .assertReply((reply) => expect(numbersListed(reply)).toEqual(CONTACTS.selfHarm))
      .assertReply((reply) => expect(metaOf(reply).action).toBe('handoff'));
  });

  test("no: the category's own numbers without 999, and a person offered", async () => {
    const { adapter, handoff } = await asked();
    await adapter.send('No, not right now').assertReply((reply) => {
      expect(metaOf(reply)).toEqual({ action: 'urgent', urgent: true, urgentCategory: 'selfHarm' });
      expect(numbersListed(reply)).toEqual(['116 123', '85258', '111']);
      expect(reply.text).toMatch(/If that changes, \*\*call 999\*\*/);
      expect(buttonsOf(reply)).toEqual(['Talk to a person']);
    });
    expect(handoff.requests).toEqual([]);
  });

  test('"Talk to a person": urgent routing', async () => {
    const { adapter, handoff } = await asked();
    await adapter
      .send('Talk to a person')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'queued' }));
    expect(handoff.requests).toMatchObject([{ reason: 'urgent', priority: 'urgent', urgentCategory: 'selfHarm' }]);
  });

  test('anything else typed is read as a new message, never lost', async () => {
    const { adapter, handoff } = await asked();
    await adapter
      .send('when is my bin day, i live on Church Street')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'addressPrompt', step: 'postcode' }));
    expect(handoff.requests).toEqual([]);
  });

  test('"no" followed by a new question is a new message, not a misread answer', async () => {
    const { adapter } = await asked();
    await adapter
      .send('no but can you tell me what day my bins get collected')
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'addressPrompt', step: 'postcode' }));
  });
});

test('"no" for a kind whose only number is 999 still says to call 999 if that changes', async () => {
  const text = 'there is a smell of burning coming from the flat upstairs';
  const { adapter } = await createTestBot({
    wrapAnswering: flagging({ [text]: { category: 'fire', certainty: 'check' } }),
  });
  await adapter
    .send(text)
    .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ urgentCheck: true, urgentCategory: 'fire' }))
    .send('nope')
    .assertReply((reply) => {
      expect(reply.text).toMatch(/If that changes, \*\*call 999\*\* straight away\.\n/);
      expect(numbersListed(reply)).toEqual([]);
    });
});

describe('a concern inside a routine question', () => {
  test('the concern is answered first, the routine question after', async () => {
    const { adapter, handoff } = await createTestBot({ contactCentre: centre('always') });
    await adapter
      .send('what day do my bins go out? also my husband hit me again yesterday')
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'urgent', urgentCategory: 'abuse' });
        expect(numbersListed(reply)).toEqual(CONTACTS.abuse);
      })
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'handoff', reason: 'urgent' }))
      .assertReply((reply) => {
        expect(metaOf(reply)).toEqual({ action: 'alsoAsked', articleIds: ['bin-collection-days'] });
        expect(reply.text).toMatch(/You also asked about/);
      });
    expect(handoff.requests).toMatchObject([{ reason: 'urgent', urgentCategory: 'abuse' }]);
  });

  test('a concern alone gets no routine answer beside it', async () => {
    const { adapter } = await createTestBot({ contactCentre: centre('always') });
    await adapter
      .send("my partner punched me last night and I'm scared to go home")
      .assertReply((reply) => expect(metaOf(reply).action).toBe('urgent'))
      .assertReply((reply) => expect(metaOf(reply).action).toBe('handoff'));
    expect(adapter.activeQueue).toHaveLength(0);
  });

  test('in the check band, the routine question is answered once the check is', async () => {
    const text = 'how do I pay my council tax, and my son has been staying out all night with older men';
    const { adapter } = await createTestBot({
      wrapAnswering: flagging({ [text]: { category: 'child', certainty: 'check' } }),
      contactCentre: centre('always'),
    });
    await adapter
      .send(text)
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ urgentCheck: true }))
      .send('No, not right now')
      .assertReply((reply) => expect(numbersListed(reply)).toEqual(CONTACTS.child.slice(1)))
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ action: 'alsoAsked' }));
  });
});

describe('out of hours, a flagged conversation is never left with a callback alone', () => {
  test('the numbers, and a safeguarding follow-up recorded for the next opening, said so', async () => {
    const { adapter, handoff } = await createTestBot({ contactCentre: centre('never') });
    handoff.next = { kind: 'closed', nextOpening: new Date('2026-12-07T09:00:00Z') };
    await adapter
      .send("the little boy next door is left home alone for days and isn't being fed")
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'urgent', urgentCategory: 'child' });
        expect(numbersListed(reply)).toEqual(CONTACTS.child);
      })
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({
          action: 'handoff',
          handoffState: 'closed',
          reason: 'urgent',
          followUp: { reference: 'SG-FOLLOWUP', dueAt: '2026-12-07T09:00:00.000Z', urgentCategory: 'child' },
        });
        expect(reply.text).toMatch(/use the numbers above/);
        expect(reply.text).toMatch(/follow up at 9am on Monday 7 December/);
        expect(reply.text).not.toMatch(/I can book a callback for you/);
      });
    expect(handoff.followUps).toMatchObject([{ urgentCategory: 'child' }]);
  });

  test('later in a flagged conversation, two misses hand over as urgent, never "bot failed twice"', async () => {
    const { adapter, handoff } = await createTestBot({ contactCentre: centre('never') });
    handoff.next = { kind: 'closed', nextOpening: new Date('2026-12-07T09:00:00Z') };
    await adapter
      .send("my partner punched me last night and I'm scared to go home")
      .assertReply((reply) => expect(metaOf(reply).action).toBe('urgent'))
      .assertReply((reply) => expect(metaOf(reply)).toMatchObject({ reason: 'urgent' }))
      .send('how tall is mount everest')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('noMatch'))
      .send('what films are showing at the cinema')
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({
          action: 'handoff',
          reason: 'urgent',
          followUp: { urgentCategory: 'abuse' },
        });
        expect(numbersListed(reply)).toEqual(CONTACTS.abuse);
      });
    expect(handoff.requests.map((request) => request.reason)).toEqual(['urgent', 'urgent']);
  });

  test('in open hours with nobody free, the resident stays at the front of the queue and a follow-up is recorded', async () => {
    const { adapter, handoff } = await createTestBot({ contactCentre: centre('always') });
    handoff.next = {
      kind: 'queued',
      sessionId: 'session-1',
      position: 1,
      estimatedWaitMinutes: 5,
      csasAvailable: 0,
      alreadyQueued: false,
    };
    await adapter
      .send('I can smell gas in the hallway of my flat')
      .assertReply((reply) => expect(metaOf(reply).action).toBe('urgent'))
      .assertReply((reply) => {
        expect(metaOf(reply)).toMatchObject({ action: 'handoff', handoffState: 'queued', reason: 'urgent' });
        expect(reply.text).toMatch(/front of the queue/);
        expect(reply.text).toMatch(/follow up/);
      });
    expect(handoff.followUps).toMatchObject([{ urgentCategory: 'gas' }]);
  });
});
