import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { seriousViolations } from '../support/accessibility';
import { startWebApp, type WebApp } from '../support/webApp';

jest.setTimeout(90_000);

describe('a resident uses the chat on the council website', () => {
  let web: WebApp;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp();
    ({ url, browser } = web);
  });

  afterAll(() => web?.close());

  test('opens the chat, asks a question, sees the answer and its link, with no serious accessibility problems', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    expect(await seriousViolations(page)).toEqual([]);

    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: /online assistant/ });
    await panel.waitFor();
    await page
      .getByText(/automated assistant/)
      .first()
      .waitFor({ timeout: 20_000 });

    const sendBox = page.getByRole('textbox').first();
    await expect(sendBox.evaluate((element) => element.matches(':focus'))).resolves.toBe(true);
    // Web Chat's live region is how screen readers hear each new message.
    expect(await panel.locator('[aria-live="polite"]').count()).toBeGreaterThan(0);
    await sendBox.fill('green bin subscription');
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: /Garden waste/i }).first();
    await link.waitFor({ timeout: 20_000 });
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.eastmere\.example\//);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(panel.isHidden()).resolves.toBe(true);
    await expect(launcher.evaluate((element) => element.matches(':focus'))).resolves.toBe(true);
    await context.close();
  });

  test('the conversation carries on after navigating to another page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page
      .getByText(/automated assistant/)
      .first()
      .waitFor({ timeout: 20_000 });
    const sendBox = page.getByRole('textbox').first();
    await sendBox.waitFor({ timeout: 20_000 });
    await sendBox.fill('where is my polling station');
    await page.keyboard.press('Enter');
    await page
      .getByRole('link', { name: /polling/i })
      .first()
      .waitFor({ timeout: 20_000 });
    const conversationBefore = await savedConversationId(page);
    expect(conversationBefore).toMatch(/\S/);

    // A new document: another page of the same site, loaded afresh.
    await page.goto(`${url}/?page=contact-us`);
    expect(new URL(page.url()).searchParams.get('page')).toBe('contact-us');
    // The chat opens by itself, in the same conversation, with what was said before and nothing said twice.
    const panel = page.getByRole('region', { name: /online assistant/ });
    await panel.waitFor({ timeout: 20_000 });
    const earlierLink = page.getByRole('link', { name: /polling/i }).first();
    await earlierLink.waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Close chat', expanded: true }).count()).toBe(1);
    expect(await savedConversationId(page)).toBe(conversationBefore);
    const bubbles = panel.locator('.webchat__bubble');
    expect(await bubbles.filter({ hasText: 'where is my polling station' }).count()).toBe(1);
    // The bot is not welcomed in again on the new page: one greeting in the whole conversation.
    expect(await bubbles.filter({ hasText: /automated assistant/ }).count()).toBe(1);
    await context.close();
  });
});

/** The conversation the embed script keeps for this site in sessionStorage. */
async function savedConversationId(page: Page): Promise<string | undefined> {
  const entries = z
    .array(z.tuple([z.string(), z.string()]))
    .parse(JSON.parse(await page.evaluate<string>('JSON.stringify(Object.entries(window.sessionStorage))')));
  const saved = entries.find(([key]) => key.startsWith('councilChat:'));
  if (!saved) return undefined;
  return z.object({ conversationId: z.string() }).parse(JSON.parse(saved[1])).conversationId;
}
