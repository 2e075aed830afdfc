import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { parse as parseYaml } from 'yaml';
import { londonTime, addDays } from '../../src/calendar/londonTime';
import { collectionScheduleSchema } from '../../src/places/collectionScheduleSchema';
import { weekdayOf } from '../../src/places/isoDate';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { Open311Server } from '../support/open311Server';
import { metaOf, SHIPPED_KNOWLEDGE } from '../support/testBot';

jest.setTimeout(60_000);

const schedule = collectionScheduleSchema.parse(
  parseYaml(readFileSync(path.join(SHIPPED_KNOWLEDGE, 'places/collections.yaml'), 'utf8')),
);

/** Says something and waits for the bot's last answer to it. */
async function ask(client: ResidentClient, message: string): Promise<Activity> {
  const id = await client.say(message);
  const answer = () =>
    client
      .botMessages()
      .filter((reply) => reply.replyToId === id)
      .at(-1);
  await client.waitFor(() => answer() !== undefined, 15_000, `the bot's answer to ${JSON.stringify(message)}`);
  const reply = answer();
  if (!reply) throw new Error('no answer');
  return reply;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('bin days through the official Direct Line client', () => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness();
  });
  afterAll(() => harness.close());

  test('"when is my bin day", EM1 1AA, the first address: dates within 14 days on the round’s weekday or as moved', async () => {
    const { token } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    expect(metaOf(await ask(client, 'when is my bin day'))).toMatchObject({
      action: 'addressPrompt',
      step: 'postcode',
    });
    let reply = await ask(client, 'EM1 1AA');
    if (metaOf(reply).action === 'addressPrompt') {
      const first = reply.suggestedActions?.actions[0]?.value;
      reply = await ask(client, String(first));
    }
    const meta = metaOf(reply);
    expect(meta).toMatchObject({ action: 'collections', uprn: '100091000001' });
    const collections = meta.collections as { bin: string; date: string }[];
    const today = londonTime(new Date()).date;
    const moved = new Map(schedule.changes.map((change) => [change.movedTo, change.date]));
    expect(collections.some((c) => c.date >= today && c.date <= addDays(today, 14))).toBe(true);
    for (const { date } of collections) {
      // Market Square is on the Monday round: a Monday, or the date a Monday's collections were moved to.
      const usual = moved.get(date) ?? date;
      expect(weekdayOf(usual)).toBe(1);
    }

    const calendar = await fetch(`${harness.url}${String(meta.calendarUrl)}`);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await calendar.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(50);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${collections[0]?.date.replaceAll('-', '')}`);
    expect((await fetch(`${harness.url}/collections/999999/calendar.ics`)).status).toBe(404);
  });
});

describe('requests over Open311 GeoReport v2 through the official Direct Line client', () => {
  const backOffice = new Open311Server({
    apiKey: 'open311-test-key',
    jurisdictionId: 'eastmere.example',
    serviceCodes: ['missed-bin', 'fly-tipping', 'street-cleansing', 'new-bin', 'abandoned-vehicle', 'noise'],
  });
  let harness: ChannelHarness;
  beforeAll(async () => {
    await backOffice.start();
    harness = await startChannelHarness({
      env: {
        OPEN311_ENDPOINT: backOffice.endpoint,
        OPEN311_API_KEY: 'open311-test-key',
        OPEN311_JURISDICTION_ID: 'eastmere.example',
        OPEN311_POLL_SECONDS: '3600',
        OUTBOX_RETRY_BASE_SECONDS: '1',
      },
      dependencies: { outboxPollMs: 200 },
    });
  });
  afterAll(async () => {
    await harness?.close();
    await backOffice.close();
  });

  test('fly-tipping reaches the back office as a spec POST; closed with notes, "check my request" says resolved', async () => {
    backOffice.failPosts = 1;
    const { token } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await ask(client, 'report fly tipping');
    await ask(client, 'Back lane behind 4 Mill Road');
    await ask(client, 'EM1 2AB');
    await ask(client, 'Furniture or mattresses');
    await ask(client, 'A small van load');
    await ask(client, 'skip');
    await ask(client, 'sam.resident@example.org');
    const confirmation = await ask(client, 'Yes, send it');
    const reference = String(metaOf(confirmation).reference);

    await waitUntil(
      async () => (await harness.app.repositories.requests.findByReference(reference))?.status === 'forwarded',
    );
    // The first attempt was refused (503) and retried by the outbox; the second was accepted.
    expect(backOffice.posts).toHaveLength(2);
    const post = backOffice.posts[1];
    expect(post?.contentType).toBe('application/x-www-form-urlencoded');
    const fields = post?.fields;
    expect(fields?.get('service_code')).toBe('fly-tipping');
    expect(fields?.get('jurisdiction_id')).toBe('eastmere.example');
    expect(fields?.get('api_key')).toBe('open311-test-key');
    expect(fields?.get('description')).toContain('Back lane behind 4 Mill Road');
    expect(fields?.get('description')).toContain(reference);
    expect(fields?.get('address_string')).toBe('Back lane behind 4 Mill Road, EM1 2AB');
    expect(fields?.get('email')).toBe('sam.resident@example.org');
    expect(fields?.get('attribute[waste]')).toBe('Furniture or mattresses');
    // The key is sent, never stored with the delivery.
    const stored = (await harness.app.repositories.outbox.listForRequest(reference)).find(
      (m) => m.channel === 'open311',
    );
    expect(stored?.body).not.toContain('open311-test-key');

    const id = backOffice.records[0]?.id ?? '';
    backOffice.closeRequest(id, 'Cleared by the street scene team on Tuesday.');
    expect(await harness.app.open311Poller?.runOnce()).toEqual([reference]);

    await ask(client, `check my request ${reference}`);
    const status = await ask(client, 'EM1 2AB');
    expect(metaOf(status)).toMatchObject({ action: 'requestStatus', reference, status: 'resolved' });
    expect(status.text).toContain('Cleared by the street scene team on Tuesday.');
  });
});
