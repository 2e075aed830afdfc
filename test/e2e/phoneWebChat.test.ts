import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { seriousViolations } from '../support/accessibility';
import { startWebApp, type WebApp } from '../support/webApp';

jest.setTimeout(120_000);

/** What a resident on a phone sees of the message box, the send button and the buttons' labels. */
const phoneLayoutSchema = z.strictObject({
  sendBoxOnTop: z.boolean(),
  sendButtonOnTop: z.boolean(),
  /** Visible buttons in the chat whose label is cut (overflowing the button) or that stick out of the screen. */
  cutLabels: z.array(z.string()),
  /** The page is wider than the screen (content would need scrolling sideways). */
  scrollsSideways: z.boolean(),
});

/**
 * Run in the page (a string, since the tests are compiled without the DOM's types). Web Chat's live region repeats
 * the buttons off screen for screen readers; those are not shown, so they are left out.
 */
const READ_LAYOUT = `(() => {
  const body = document.querySelector('.council-chat-body');
  const onTop = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  };
  const width = document.documentElement.clientWidth;
  const buttons = Array.from(body ? body.querySelectorAll('button') : []).filter(
    (button) => button.offsetParent !== null && !button.className.includes('live-region'),
  );
  const cutLabels = buttons
    .filter((button) => {
      const label = button.querySelector('.webchat__suggested-action__text') || button;
      const box = button.getBoundingClientRect();
      return (
        label.scrollWidth > label.clientWidth + 1 ||
        label.scrollHeight > label.clientHeight + 1 ||
        button.scrollHeight > button.clientHeight + 1 ||
        box.right > width + 1 ||
        box.left < -1
      );
    })
    .map((button) => button.innerText || button.getAttribute('aria-label') || '?');
  return {
    sendBoxOnTop: onTop(body && body.querySelector('input[type="text"], textarea')),
    sendButtonOnTop: onTop(body && body.querySelector('button[aria-label="Send"], button[title="Send"]')),
    cutLabels,
    scrollsSideways: document.documentElement.scrollWidth > width + 1,
  };
})()`;

async function readLayout(page: Page): Promise<z.infer<typeof phoneLayoutSchema>> {
  return phoneLayoutSchema.parse(await page.evaluate(READ_LAYOUT));
}

describe('a resident uses the chat on a phone', () => {
  let web: WebApp;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    web = await startWebApp();
    ({ url, browser } = web);
  });

  afterAll(() => web?.close());

  test.each([
    [320, 'normal text'],
    [390, 'normal text'],
    [320, 'text at 200%'],
    [390, 'text at 200%'],
  ])(
    '%i px wide, %s: the chat fills the screen, nothing covers the message box or cuts a label',
    async (width, text) => {
      const context = await browser.newContext({ viewport: { width, height: 640 }, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.goto(url);
      // Text-only zoom: the browser's default font size doubled, as a resident's "text size" setting does.
      if (text !== 'normal text') await page.addStyleTag({ content: 'html{font-size:200% !important}' });

      const launcher = page.locator('.council-chat-launcher');
      await launcher.tap();
      const panel = page.getByRole('region', { name: /online assistant/ });
      await panel.waitFor();
      await page
        .getByText(/automated assistant/)
        .first()
        .waitFor({ timeout: 20_000 });
      await expect(launcher.isVisible()).resolves.toBe(false);
      const panelBox = await panel.boundingBox();
      expect(panelBox).toMatchObject({ x: 0, width });

      // Typed and sent by tapping the send button: a broad question, answered with a choice of long labels.
      await page.getByRole('textbox').first().tap();
      await page.getByRole('textbox').first().fill('council tax');
      await page.getByRole('button', { name: 'Send', exact: true }).tap();
      const choices = page.getByRole('toolbar', { name: 'Suggested actions' });
      await choices.getByRole('button', { name: /None of these/ }).waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      expect(await readLayout(page)).toEqual({
        sendBoxOnTop: true,
        sendButtonOnTop: true,
        cutLabels: [],
        scrollsSideways: false,
      });
      expect(await seriousViolations(page)).toEqual([]);

      // Sent with Enter.
      await page.getByRole('textbox').first().fill('brown bin');
      await page.keyboard.press('Enter');
      await page
        .getByRole('link', { name: /Garden waste/i })
        .first()
        .waitFor({ timeout: 20_000 });
      const afterAnswer = await readLayout(page);
      expect(afterAnswer.sendBoxOnTop && afterAnswer.sendButtonOnTop).toBe(true);

      // The chat's own close control hands focus back to the launcher.
      await panel.getByRole('button', { name: 'Close chat' }).tap();
      await expect(panel.isHidden()).resolves.toBe(true);
      await expect(launcher.evaluate((element) => element.matches(':focus'))).resolves.toBe(true);
      await context.close();
    },
  );
});
