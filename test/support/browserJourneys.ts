import type { Page } from 'playwright-core';

/** Signs in to the console through its form, as a CSA would, and waits for the queue. */
export async function signInToConsole(page: Page, url: string, account: { email: string; password: string }) {
  await page.goto(`${url}/console`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
}

/** Opens the chat on the demo council page and waits for the bot's welcome. */
export async function openWebChat(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  await page
    .getByText(/automated assistant/)
    .first()
    .waitFor({ timeout: 20_000 });
}

/** Types a message into Web Chat and sends it. */
export async function sayInWebChat(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').first();
  await box.fill(text);
  await page.keyboard.press('Enter');
}
