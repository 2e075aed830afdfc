import { BOOTSTRAP, ConsoleClient, type ConsoleHarness, startConsole } from '../support/consoleHarness';

describe("the console's callbacks list, by the time promised", () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole({ env: { CONTACT_CENTRE_HOURS: 'Mon-Fri 09:00-17:00' } });
  });
  afterAll(() => harness.close());

  test('a callback promised for tomorrow morning comes before one asked for earlier but promised later', async () => {
    // This evening, whatever day the test runs: the next calls are on the next working day.
    const evening = harness.clock.now();
    evening.setUTCHours(19, 0, 0, 0);
    if (evening < harness.clock.now()) evening.setUTCDate(evening.getUTCDate() + 1);
    harness.clock.set(evening);
    const { requests } = harness.app.repositories;
    await requests.create({
      idempotencyKey: 'asked-first',
      requestType: 'callback',
      details: { topic: 'Planning question', preferredTime: 'Weekday afternoons' },
      contact: { name: 'Pat Resident', phone: '01632 960123' },
    });
    harness.clock.advance(60_000);
    await requests.create({
      idempotencyKey: 'asked-second',
      requestType: 'callback',
      details: { topic: 'Council tax question', preferredTime: 'Weekday mornings' },
      contact: { name: 'Sam Resident', phone: '01632 960124' },
    });
    const browser = new ConsoleClient(harness.url);
    await browser.signIn(BOOTSTRAP.email, BOOTSTRAP.password);
    const page = await browser.get('/console/callbacks');
    expect(page.status).toBe(200);
    const morning = page.body.indexOf('Council tax question');
    const afternoon = page.body.indexOf('Planning question');
    expect(morning).toBeGreaterThan(0);
    expect(afternoon).toBeGreaterThan(morning);
    expect(page.body).toMatch(/Promised<\/dt>\s*<dd[^>]*>\s*\w+day \d{1,2} \w+ \d{4}, 9am to 12pm/);
  });
});
