import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { openWebChat, sayInWebChat, signInToConsole } from '../support/browserJourneys';
import { createAccount } from '../support/consoleHarness';
import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';

jest.setTimeout(120_000);

const CSA = {
  email: 'sam.csa@eastmere.example',
  displayName: 'Sam Jones',
  role: 'csa' as const,
  password: 'sam password 123',
};

/**
 * What a hostile resident types: markup that runs script if it is ever parsed as HTML (each sets a different
 * `window.__pwned`), a `javascript:` link in markdown, and a right-to-left override.
 */
const FIRST = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script> bins`;
const HANDOFF = `talk to a person "><svg onload="window.__pwned='svg'"></svg>`;
const LIVE = `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe> [my bill](javascript:window.__pwned='link') \u202Efdp.exe`;
/** What the console shows of `LIVE`: the same text without the right-to-left override (see consoleSpoofing). */
const LIVE_SHOWN = LIVE.replace('\u202E', '');
const REPLY = `<img src=x onerror="window.__pwned='reply'"> **Hello** [the form](javascript:window.__pwned='reply-link')`;

/** Elements the hostile text would have made, had it been parsed as HTML. */
const INJECTED = 'img[src="x"], script:not([src]), svg[onload], iframe[srcdoc], a[href^="javascript:"]';

/** Nothing ran: no `window.__pwned`, no dialog, and none of the elements the markup describes exist. */
async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => Reflect.get(globalThis, '__pwned'))).toBeUndefined();
  expect(dialogs).toEqual([]);
  const injected = await page.locator(INJECTED).evaluateAll((nodes) => nodes.map((node) => node.outerHTML));
  expect(injected).toEqual([]);
}

describe("a resident's markup and script are shown as text, in the CSA console and in Web Chat, and run nothing", () => {
  let harness: ChannelHarness;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startChannelHarness({
      env: {
        CONTACT_CENTRE_HOURS: 'always',
        CONSOLE_ADMIN_EMAIL: 'lead@eastmere.example',
        CONSOLE_ADMIN_PASSWORD: 'bootstrap password 1',
      },
    });
    await createAccount(harness.app, CSA);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  test('the queue, the brief, the transcript, a live line and the CSA’s reply', async () => {
    const dialogs: string[] = [];
    const csaContext = await browser.newContext();
    const csa = await csaContext.newPage();
    const residentContext = await browser.newContext();
    const resident = await residentContext.newPage();
    for (const page of [csa, resident]) {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }

    await signInToConsole(csa, harness.url, CSA);
    await openWebChat(resident, harness.url);
    await sayInWebChat(resident, FIRST);
    await resident.getByText(FIRST).first().waitFor({ timeout: 15_000 });
    await sayInWebChat(resident, HANDOFF);
    await resident
      .getByText(/You.re next in the queue/)
      .first()
      .waitFor({ timeout: 20_000 });

    // The queue refreshes in place (its fragment is the server's escaped HTML) and lists the chat.
    const row = csa.getByRole('row').filter({ has: csa.getByRole('button', { name: 'Accept' }) });
    await row.first().waitFor({ timeout: 15_000 });
    await expectNothingRan(csa, dialogs);
    await row.first().getByRole('button', { name: 'Accept' }).click();

    // The brief and the transcript, rendered by the server.
    await csa.getByRole('heading', { name: 'Brief' }).waitFor();
    const transcript = csa.getByRole('list', { name: 'Conversation' });
    await expect(transcript.textContent()).resolves.toContain(FIRST);
    await expect(csa.locator('main').textContent()).resolves.toContain(HANDOFF);
    await expectNothingRan(csa, dialogs);

    // A line arriving live is added by the console's script.
    await sayInWebChat(resident, LIVE);
    await transcript.getByText(LIVE_SHOWN).waitFor({ timeout: 15_000 });
    await expectNothingRan(csa, dialogs);

    // The CSA's reply, with markup of their own, reaches the resident as text too.
    await csa.getByRole('textbox', { name: 'Message' }).fill(REPLY);
    await csa.getByRole('button', { name: 'Send', exact: true }).click();
    await transcript.getByText(REPLY).waitFor({ timeout: 15_000 });
    await resident
      .getByText(/<img src=x onerror=/)
      .last()
      .waitFor({ timeout: 15_000 });
    await expectNothingRan(csa, dialogs);
    await expectNothingRan(resident, dialogs);

    // After a reload, everything is rendered by the server again, still as text.
    await csa.reload();
    await expect(transcript.textContent()).resolves.toContain(LIVE_SHOWN);
    await expectNothingRan(csa, dialogs);
    await csaContext.close();
    await residentContext.close();
  });
});
