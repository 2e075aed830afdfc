import type { Activity } from 'botbuilder';
import { GazetteerAddressLookup } from '../../src/places/gazetteer';
import { buttonsOf, createTestBot, metaOf, shippedKnowledge, type TestBot } from '../support/testBot';

/** Christmas Eve 2026: Monday's collections next week move to Tuesday 29 December (Boxing Day's substitute). */
const CHRISTMAS_EVE = new Date('2026-12-24T10:00:00Z');

async function say(bot: TestBot, text: string): Promise<Partial<Activity>[]> {
  const replies: Partial<Activity>[] = [];
  await bot.adapter.send(text).startTest();
  for (;;) {
    const reply = bot.adapter.activeQueue.shift();
    if (!reply) break;
    replies.push(reply);
  }
  return replies;
}

function last(replies: Partial<Activity>[]): Partial<Activity> {
  const reply = replies.at(-1);
  if (!reply) throw new Error('no reply');
  return reply;
}

describe('bin days and councillors for the resident’s own address', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await createTestBot({ clock: () => CHRISTMAS_EVE });
  });

  test('"when is my bin day" asks the postcode, offers the addresses, then gives each bin’s next collection', async () => {
    const asked = last(await say(bot, 'when is my bin day'));
    expect(metaOf(asked)).toMatchObject({ action: 'addressPrompt', step: 'postcode' });
    const offered = last(await say(bot, 'em1 1aa'));
    expect(metaOf(offered)).toMatchObject({ action: 'addressPrompt', step: 'choose' });
    expect(buttonsOf(offered)[0]).toBe('1 Market Square');
    const answer = last(await say(bot, '1 Market Square'));
    expect(metaOf(answer)).toEqual({
      action: 'collections',
      uprn: '100091000001',
      calendarUrl: '/collections/100091000001/calendar.ics',
      collections: [
        { bin: 'recycling', date: '2026-12-29' },
        { bin: 'garden', date: '2026-12-29' },
        { bin: 'food', date: '2026-12-29' },
        { bin: 'refuse', date: '2027-01-04' },
      ],
    });
    expect(answer.text).toMatch(/Blue \(recycling\): \*\*Tuesday 29 December 2026\*\*/);
    expect(answer.text).toMatch(/\[Add to my calendar\]\(\/collections\/100091000001\/calendar\.ics\)/);
    expect(answer.text).toMatch(/\[.*\]\(https:\/\/www\.eastmere\.example\/.*recycling/i);
  });

  test('"When do my bins get collected" with a postcode goes straight to the addresses', async () => {
    const offered = last(await say(bot, 'When do my bins get collected? EM1 1AA'));
    expect(metaOf(offered)).toMatchObject({ action: 'addressPrompt', step: 'choose', postcode: 'EM1 1AA' });
  });

  test('a postcode with many addresses asks for the house number or name', async () => {
    await say(bot, 'what day are my bins collected');
    const premises = last(await say(bot, 'EM2 4DA'));
    expect(metaOf(premises)).toMatchObject({ action: 'addressPrompt', step: 'premises' });
    expect(premises.text).toMatch(/house number or name/);
    const answer = last(await say(bot, '17'));
    expect(metaOf(answer)).toMatchObject({ action: 'collections', uprn: expect.any(String) });
    // Northgate Road is on the Wednesday round: 30 December in Christmas week moves to the 31st.
    expect(metaOf(answer).collections).toContainEqual({ bin: 'food', date: '2026-12-31' });
  });

  test('a postcode with no addresses is asked again, then the general page and the phone are given', async () => {
    await say(bot, 'whens our bin day?');
    const again = last(await say(bot, 'EM9 9ZZ'));
    expect(metaOf(again)).toMatchObject({ action: 'addressPrompt', step: 'postcode', retry: true });
    expect(again.text).toMatch(/couldn't find any addresses at \*\*EM9 9ZZ\*\*/);
    const given = last(await say(bot, 'EM9 9ZZ'));
    expect(metaOf(given)).toMatchObject({ action: 'addressNotFound', reason: 'noAddresses', postcode: 'EM9 9ZZ' });
    expect(given.text).toMatch(/01632 960000/);
  });

  test('a new question instead of the postcode is answered, and the journey ends', async () => {
    await say(bot, 'when is my bin day');
    const answered = last(await say(bot, 'thanks. also how do i get a parking permit'));
    expect(metaOf(answered)).toMatchObject({ action: 'answer', articleId: 'parking-permits' });
    // The journey is over: a postcode now is a new message, not an answer to the address question.
    const next = last(await say(bot, 'when is my bin day'));
    expect(metaOf(next)).toMatchObject({ action: 'addressPrompt', step: 'postcode', retry: false });
  });

  test('a follow-up instead of the house number is read against the journey, not as an address', async () => {
    await say(bot, 'what day are my bins collected');
    await say(bot, 'EM2 4DA');
    const answered = last(await say(bot, 'and which bin goes out this week?'));
    expect(metaOf(answered).action).not.toBe('addressPrompt');
    expect(metaOf(answered)).toMatchObject({ articleId: 'bin-collection-days' });
  });

  test('"who is my councillor" gives the ward and its councillors with party, email and surgeries', async () => {
    await say(bot, 'who is my councillor?');
    await say(bot, 'EM3 5EB');
    const answer = last(await say(bot, '4'));
    expect(metaOf(answer)).toMatchObject({
      action: 'councillors',
      ward: 'riverside',
      councillors: ['Councillor Megan Driscoll', 'Councillor Daniel Okafor'],
    });
    expect(answer.text).toMatch(/Green Party/);
    expect(answer.text).toMatch(/megan\.driscoll@eastmere\.example/);
    expect(answer.text).toMatch(/Surgery: Third Saturday/);
  });

  test('cancel leaves the address step', async () => {
    await say(bot, 'when is my bin day');
    expect(metaOf(last(await say(bot, 'cancel'))).action).toBe('cancelled');
  });
});

describe('a missed bin reported through the same address step', () => {
  async function botOn(isoInstant: string): Promise<TestBot> {
    const knowledge = await shippedKnowledge();
    const addresses = new GazetteerAddressLookup(() => knowledge.current().knowledge.places.gazetteer);
    return createTestBot({ clock: () => new Date(isoInstant), addresses });
  }

  test('a bin reported on its collection day is told the crew is due, and nothing is logged', async () => {
    // Monday 7 December 2026, 10am: the Monday round's day.
    const bot = await botOn('2026-12-07T10:00:00Z');
    expect(metaOf(last(await say(bot, 'report a missed bin')))).toMatchObject({
      action: 'addressPrompt',
      step: 'postcode',
    });
    await say(bot, 'EM1 1AA');
    const which = last(await say(bot, '1 Market Square'));
    expect(metaOf(which)).toMatchObject({ action: 'prompt', form: 'missed-bin', field: 'bin' });
    expect(buttonsOf(which)).toEqual([
      'Black (general waste)',
      'Blue (recycling)',
      'Brown (garden waste)',
      'Food caddy',
    ]);
    const due = last(await say(bot, 'Food caddy'));
    expect(metaOf(due)).toEqual({ action: 'crewDue', uprn: '100091000001', bin: 'Food caddy', date: '2026-12-07' });
    expect(due.text).toMatch(/due to be collected \*\*today, Monday 7 December 2026\*\*/);
    expect(await bot.repositories.requests.listInStatus('submitted', new Date('2027-01-01'))).toEqual([]);
  });

  test('the day after, the report is taken with the address, its UPRN and the day the bin was due', async () => {
    const bot = await botOn('2026-12-08T10:00:00Z');
    await say(bot, 'report a missed bin');
    await say(bot, 'EM1 1AA');
    await say(bot, '1 Market Square');
    const next = last(await say(bot, 'Black (general waste)'));
    expect(metaOf(next)).toMatchObject({ action: 'prompt', field: 'binLocation' });
    await say(bot, 'At the kerb');
    const summary = last(await say(bot, 'skip'));
    expect(metaOf(summary).action).toBe('requestSummary');
    const submitted = last(await say(bot, 'Yes, send it'));
    const reference = String(metaOf(submitted).reference);
    const stored = await bot.repositories.requests.findByReference(reference);
    expect(stored?.details).toMatchObject({
      postcode: 'EM1 1AA',
      address: '1 Market Square, Eastmere EM1 1AA',
      uprn: '100091000001',
      bin: 'Black (general waste)',
      collectionDate: '2026-12-07',
    });
  });
});
