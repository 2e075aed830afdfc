import type { Browser, Locator } from 'playwright-core';
import { openWebChat, sayInWebChat, signInToConsole } from '../support/browserJourneys';
import { type CsaDesk, openCsaDesk } from '../support/csaDesk';
import type { ChannelHarness } from '../support/directLineHarness';

jest.setTimeout(120_000);

const CSA = {
  email: 'ali.csa@eastmere.example',
  displayName: 'Ali Khan',
  role: 'csa' as const,
  password: 'ali password 123',
};

/** Markdown a resident never sees: bold stars, link brackets, underscores around the source line. */
const RAW_MARKDOWN = /\*\*|\]\(|(^|\s)_Source/;

/** The transcript (and the brief, elsewhere on the page) show no markdown, but its link and its bold text. */
async function expectRendered(page: Locator, transcript: Locator): Promise<void> {
  await expect(page.textContent()).resolves.not.toMatch(RAW_MARKDOWN);
  const link = transcript.getByRole('link', { name: /Pay your council tax/ }).first();
  await expect(link.getAttribute('href')).resolves.toMatch(/^https:\/\/www\.eastmere\.example\//);
  await expect(transcript.locator('strong', { hasText: 'Call me back' }).first().isVisible()).resolves.toBe(true);
}

describe("the CSA console shows the bot's messages as the resident saw them", () => {
  let desk: CsaDesk;
  let harness: ChannelHarness;
  let browser: Browser;

  beforeAll(async () => {
    desk = await openCsaDesk(CSA);
    ({ harness, browser } = desk);
  });

  afterAll(() => desk?.close());

  test('links and bold in the transcript, the brief, a line that arrives live and after a reload', async () => {
    const resident = await (await browser.newContext()).newPage();
    const csa = await (await browser.newContext()).newPage();
    await signInToConsole(csa, harness.url, CSA);

    await openWebChat(resident, harness.url);
    await sayInWebChat(resident, 'how do I pay my council tax');
    await resident
      .getByRole('link', { name: /council tax/i })
      .first()
      .waitFor({ timeout: 20_000 });
    await sayInWebChat(resident, 'I need to talk to a person about my bill');
    await resident
      .getByText(/in the queue/)
      .first()
      .waitFor({ timeout: 20_000 });

    const row = csa.getByRole('row').filter({ hasText: 'Council tax' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('link').first().click();
    await csa.getByRole('heading', { name: 'Brief' }).waitFor();
    const transcript = csa.getByRole('list', { name: 'Conversation' });
    await transcript
      .getByRole('link', { name: /Pay your council tax/ })
      .first()
      .waitFor();

    // A bot message with bold text arrives while the page is open.
    await sayInWebChat(resident, 'Keep waiting');
    await transcript.locator('strong', { hasText: 'Call me back' }).first().waitFor({ timeout: 15_000 });
    await expectRendered(csa.locator('main'), transcript);

    // After a reload, as before; the brief's "What the bot last said" is rendered too.
    await csa.reload();
    await csa.getByRole('heading', { name: 'Brief' }).waitFor();
    await expectRendered(csa.locator('main'), transcript);
    const lastSaid = csa
      .getByRole('heading', { name: 'What the bot last said' })
      .locator('xpath=following-sibling::ul[1]');
    await expect(lastSaid.getByRole('link').count()).resolves.toBeGreaterThan(0);
    await expect(lastSaid.locator('strong').count()).resolves.toBeGreaterThan(0);
  });
});
