import type { Browser } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { openWebChat, sayInWebChat, signInToConsole } from '../support/browserJourneys';
import { type CsaDesk, openCsaDesk } from '../support/csaDesk';
import type { ChannelHarness } from '../support/directLineHarness';

jest.setTimeout(120_000);

const CSA = {
  email: 'sam.csa@eastmere.example',
  displayName: 'Sam Jones',
  role: 'csa' as const,
  password: 'sam password 123',
};

// Web Chat renders markdown with typographic quotes, so patterns match any apostrophe with ".".

describe('a resident asks for a person and a CSA helps them, in two browsers', () => {
  let desk: CsaDesk;
  let harness: ChannelHarness;
  let browser: Browser;

  beforeAll(async () => {
    desk = await openCsaDesk(CSA);
    ({ harness, browser } = desk);
  });

  afterAll(() => desk?.close());

  test('queue, brief and transcript, a live reply, the end of the chat and the rating question', async () => {
    const residentContext = await browser.newContext();
    const resident = await residentContext.newPage();
    const csaContext = await browser.newContext();
    const csa = await csaContext.newPage();

    // The CSA signs in first, so someone is available.
    await signInToConsole(csa, harness.url, CSA);

    await openWebChat(resident, harness.url);
    await sayInWebChat(resident, 'how do I pay my council tax');
    await resident
      .getByRole('link', { name: /council tax/i })
      .first()
      .waitFor({ timeout: 20_000 });
    await sayInWebChat(resident, 'I need to talk to a person about my bill');
    await resident
      .getByText(/You.re next in the queue/)
      .first()
      .waitFor({ timeout: 20_000 });

    // The queue updates live with the resident's topic and wait.
    const row = csa.getByRole('row').filter({ hasText: 'Council tax' });
    await row.waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toMatch(/Pay your council tax/);
    expect(await seriousViolations(csa)).toEqual([]);
    await row.getByRole('button', { name: 'Accept' }).click();

    await csa.getByRole('heading', { name: 'Brief' }).waitFor();
    const main = await csa.locator('main').textContent();
    expect(main).toContain('The resident asked to talk to a person');
    expect(main).toContain('I need to talk to a person about my bill');
    expect(main).toContain('Pay your council tax');
    const transcript = csa.getByRole('list', { name: 'Conversation' });
    await expect(transcript.textContent()).resolves.toContain('how do I pay my council tax');
    expect(await seriousViolations(csa)).toEqual([]);

    // The resident is told who joined, and what they write reaches the CSA live.
    await resident
      .getByText(/Sam.*has joined the chat/)
      .first()
      .waitFor({ timeout: 15_000 });
    await sayInWebChat(resident, 'my account number is on the bill');
    await transcript.getByText('my account number is on the bill').waitFor({ timeout: 15_000 });

    await csa.getByRole('textbox', { name: 'Message' }).fill('Hello, I can see your question. Let me check your bill.');
    await csa.getByRole('button', { name: 'Send', exact: true }).click();
    await resident
      .getByText('Hello, I can see your question. Let me check your bill.')
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(
      resident
        .getByText(/Sam \(Eastmere Council\)/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    // The CSA makes a missed bin report for the resident, checked as the resident's own would be.
    await csa.getByLabel('Make a service request for the resident').selectOption({ label: 'Missed bin collection' });
    await csa.getByRole('button', { name: 'Start request' }).click();
    await csa.getByRole('heading', { name: 'Missed bin collection' }).waitFor();
    expect(await seriousViolations(csa)).toEqual([]);
    await csa.getByLabel('Postcode', { exact: true }).fill('not a postcode');
    await csa.getByLabel('Address').fill('12 Mill Lane');
    await csa.getByLabel('Bin', { exact: true }).fill('blue');
    await csa.getByLabel('Collection day').fill('yesterday');
    await csa.getByRole('button', { name: 'Create request' }).click();
    await csa.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await csa.getByLabel('Postcode', { exact: true }).fill('EM1 1AA');
    await csa.getByRole('button', { name: 'Create request' }).click();
    const banner = csa.getByText(/Service request SR-[0-9A-Z]{8} created/);
    await banner.waitFor();
    const reference = /SR-[0-9A-Z]{8}/.exec((await banner.textContent()) ?? '')?.[0] ?? '';
    const made = await harness.app.repositories.requests.findByReference(reference);
    expect(made).toMatchObject({
      requestType: 'missed-bin',
      details: { postcode: 'EM1 1AA', address: '12 Mill Lane' },
    });
    await expect(csa.locator('main').textContent()).resolves.toContain(reference);

    await csa.getByRole('button', { name: 'End chat' }).click();
    await resident
      .getByText(/Sam has ended the chat/)
      .first()
      .waitFor({ timeout: 15_000 });
    await resident
      .getByText(/How would you rate the help you had today/)
      .first()
      .waitFor({ timeout: 15_000 });
    const suggested = resident.getByRole('toolbar', { name: 'Suggested actions' });
    await suggested.getByRole('button', { name: '5 (very good)' }).click();
    await resident
      .getByText(/anything you.d like to add/)
      .first()
      .waitFor({ timeout: 15_000 });
    await suggested.getByRole('button', { name: 'No thanks' }).click();
    await resident
      .getByText(/Thank you for your feedback/)
      .first()
      .waitFor({ timeout: 15_000 });

    const [session] = await harness.app.repositories.handoffs.listQueuedBetween(
      new Date(0),
      new Date(Date.now() + 60_000),
    );
    expect(session).toMatchObject({ state: 'ended', rating: { score: 5 } });
    expect(await seriousViolations(resident)).toEqual([]);
    await residentContext.close();
    await csaContext.close();
  });
});
