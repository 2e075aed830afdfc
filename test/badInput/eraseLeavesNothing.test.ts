import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { ConsoleClient, createAccount } from '../support/consoleHarness';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';
import { PNG } from './support/badInputHarness';

/** Words no sample text or article holds, so finding one in the data folder means the resident's data is there. */
const DISTINCT = ['quillfeather', 'zorblatt', 'morwenna'];
const PHONE = '020 7946 0982';
const EMAIL = 'sam.quillfeather@example.org';
/** A photo whose bytes are the resident's own: a valid PNG with a marker after its end. */
const PHOTO = Buffer.concat([PNG, Buffer.from('PHOTOBYTES-QX7-resident-only')]);

/**
 * The attack on the right to erasure: after `erase`, a resident's words stayed in the data folder (bot state keyed
 * with a trailing slash was never found, and the store's append-only files kept the deleted lines until some later
 * compaction). A supervisor erases a conversation while the server runs; a scan of every file then finds nothing.
 */
describe('erasing a resident’s data while the server runs', () => {
  let harness: ChannelHarness;
  let photoServer: Server;
  let photoUrl: string;
  beforeAll(async () => {
    photoServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PHOTO.length });
      res.end(PHOTO);
    });
    photoServer.listen(0, '127.0.0.1');
    await once(photoServer, 'listening');
    photoUrl = `http://127.0.0.1:${(photoServer.address() as AddressInfo).port}/lane.png`;
    harness = await startChannelHarness({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await harness.close();
    await new Promise((resolve) => photoServer.close(resolve));
  });

  async function ask(client: ResidentClient, message: string | { photo: true }): Promise<Activity> {
    const id =
      typeof message === 'string'
        ? await client.say(message)
        : await client.post({
            type: 'message',
            text: '',
            attachments: [{ contentType: 'image/png', contentUrl: photoUrl, name: 'lane.png' }],
          });
    const answer = () =>
      client
        .botMessages()
        .filter((reply) => reply.replyToId === id)
        .at(-1);
    await client.waitFor(() => answer() !== undefined, 15_000, `the answer to ${JSON.stringify(message)}`);
    const found = answer();
    if (!found) throw new Error('no answer');
    return found;
  }

  /** Every file under the data folder that holds `needle` (as text, or as bytes and base64 for the photo). */
  function filesHolding(dir: string, needles: Array<string | Buffer>): string[] {
    const found: string[] = [];
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        found.push(...filesHolding(full, needles));
        continue;
      }
      const bytes = readFileSync(full);
      const lower = bytes.toString('utf8').toLowerCase();
      for (const needle of needles) {
        const hit = typeof needle === 'string' ? lower.includes(needle.toLowerCase()) : bytes.includes(needle);
        if (hit) found.push(`${name}: ${typeof needle === 'string' ? needle : 'photo bytes'}`);
      }
    }
    return found;
  }

  test('export lists every kind of record; after erase no file holds a word, the phone number or the photo', async () => {
    const { token, conversationId } = await harness.webchatToken();
    const resident = await harness.connect({ token, webSocket: false });

    // A finished request, with a photo.
    await ask(resident, 'report fly tipping');
    await ask(resident, 'Back lane behind Quillfeather Cottage');
    await ask(resident, 'EM1 2AB');
    await ask(resident, 'Furniture or mattresses');
    await ask(resident, 'A small van load');
    await ask(resident, { photo: true });
    await ask(resident, EMAIL);
    expect(metaOf(await ask(resident, 'Yes, send it'))).toMatchObject({ action: 'requestSubmitted' });

    // A question answered, rated "not helpful" (kept for editors), and analytics throughout.
    await ask(resident, 'when are the zorblatt bins collected');
    await ask(resident, 'not helpful');

    // A form left half-finished: its answers are only in the bot's state.
    await ask(resident, 'Ask for a callback');
    await ask(resident, 'A hedge dispute');
    await ask(resident, 'Morwenna Lee');
    await ask(resident, 'Phone');
    const afterPhone = await ask(resident, PHONE);
    expect(metaOf(afterPhone)).toMatchObject({ action: 'prompt', field: 'preferredTime' });
    resident.end();
    // The bot saves its state just after its reply.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const needles: Array<string | Buffer> = [
      ...DISTINCT,
      PHONE,
      PHONE.replace(/\s/g, ''),
      PHOTO,
      PHOTO.toString('base64'),
    ];
    await createAccount(harness.app, {
      email: 'lead.erase@eastmere.example',
      displayName: 'Lead',
      role: 'supervisor',
      password: 'supervisor password 1',
    });
    const supervisor = new ConsoleClient(harness.url, { 'x-forwarded-for': '192.0.2.77' });
    expect((await supervisor.signIn('lead.erase@eastmere.example', 'supervisor password 1')).status).toBe(303);
    await supervisor.get('/console/data');

    const exported = await supervisor.post('/console/data/export', { identifier: conversationId });
    expect(exported.status).toBe(200);
    const data = JSON.parse(exported.body) as Record<string, unknown[]>;
    for (const kind of [
      'transcripts',
      'webChat',
      'uploads',
      'state',
      'serviceRequests',
      'outbox',
      'editorQuestions',
      'analyticsEvents',
    ])
      expect({ kind, count: (data[kind] ?? []).length }).toMatchObject({ kind, count: expect.any(Number) });
    expect(data.uploads?.length).toBe(1);
    expect(data.serviceRequests?.length).toBe(1);
    expect(data.editorQuestions?.length).toBeGreaterThan(0);
    expect(data.analyticsEvents?.length).toBeGreaterThan(0);
    expect(JSON.stringify(data.state)).toContain(PHONE);
    expect(exported.body.toLowerCase()).toContain('quillfeather');
    expect(filesHolding(harness.dataDir, needles).length).toBeGreaterThan(0);

    await supervisor.get('/console/data');
    const erased = await supervisor.post('/console/data/erase', { identifier: conversationId });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatch(/Erasure reference/);

    expect(filesHolding(harness.dataDir, needles)).toEqual([]);
    const audit = await harness.app.repositories.auditLog.list({});
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['personalData.exported', 'personalData.erased']),
    );
  });
});
