import { BOOTSTRAP, ConsoleClient, type ConsoleHarness, startConsole } from '../support/consoleHarness';

describe("the console's callbacks list", () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole();
  });
  afterAll(() => harness.close());

  test('lists safeguarding follow-ups first, marked urgent, then the other callbacks oldest first', async () => {
    const { requests } = harness.app.repositories;
    await requests.create({
      idempotencyKey: 'plain-callback',
      requestType: 'callback',
      details: { topic: 'Council tax', preferredTime: 'Any time' },
      contact: { name: 'Pat Resident', phone: '01632 960123' },
    });
    harness.clock.advance(60_000);
    await requests.create({
      idempotencyKey: 'safeguarding:conv-friday',
      requestType: 'callback',
      conversationId: 'conv-friday',
      details: { topic: 'Safeguarding follow-up: A child at risk', safeguarding: 'child' },
      contact: {},
    });
    const browser = new ConsoleClient(harness.url);
    await browser.signIn(BOOTSTRAP.email, BOOTSTRAP.password);
    const page = await browser.get('/console/callbacks');
    expect(page.status).toBe(200);
    const urgent = page.body.indexOf('Urgent: A child at risk');
    const plain = page.body.indexOf('Council tax');
    expect(urgent).toBeGreaterThan(0);
    expect(plain).toBeGreaterThan(urgent);
  });
});
