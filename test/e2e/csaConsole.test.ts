import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { launchChromium } from '../support/browser';
import { BOOTSTRAP, type ConsoleHarness, createAccount, startConsole } from '../support/consoleHarness';

jest.setTimeout(120_000);

const CSA = {
  email: 'sam.csa@eastmere.example',
  displayName: 'Sam Jones',
  role: 'csa' as const,
  password: 'sam password 123',
};

async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a CSA works in the console', () => {
  let harness: ConsoleHarness;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startConsole();
    await createAccount(harness.app, CSA);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  test('signs in, accepts a waiting resident, reads the brief, replies, ends the chat and goes away', async () => {
    const desk = harness.desk;
    if (!desk) throw new Error('no desk');
    desk.enqueue({ topic: 'Council tax: moving home', waitedMs: 60_000 });
    const sessionId = desk.enqueue({
      topic: 'Missed bin collection',
      waitedMs: 4 * 60_000 + 5_000,
      residentWords: ['My bin was not collected <b>today</b>', 'It is the green one'],
      details: { name: 'Pat Resident', postcode: 'EM1 2AB' },
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    // Refusals the test provokes (a wrong password, a failed send) are HTTP errors too; only script errors count.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
        scriptErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() === 404) scriptErrors.push(`404 ${response.url()}`);
    });

    await page.goto(`${harness.url}/console`);
    await page.getByRole('heading', { name: 'Sign in to the CSA console' }).waitFor();
    expect(page.url()).toMatch(/\/console\/sign-in$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Email').fill(CSA.email);
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect(
      summary.evaluate((element) => element.closest('.govuk-error-summary')?.matches(':focus') ?? false),
    ).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Password').fill(CSA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Missed bin collection' });
    await expect(row.textContent()).resolves.toMatch(/4 minutes/);
    await expect(page.getByRole('button', { name: 'Away' }).isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The queue is live: a new resident appears without a reload.
    desk.enqueue({ topic: 'Noise from a neighbour', priority: 'urgent', reason: 'urgent' });
    await page.getByRole('row').filter({ hasText: 'Noise from a neighbour' }).waitFor({ timeout: 10_000 });
    await expect(page.getByRole('row').nth(1).textContent()).resolves.toMatch(/Noise from a neighbour[\s\S]*Urgent/);

    await page
      .getByRole('row')
      .filter({ hasText: 'Missed bin collection' })
      .getByRole('button', { name: 'Accept' })
      .click();
    await page.getByRole('heading', { name: 'Missed bin collection' }).waitFor();
    expect(page.url()).toContain(`/console/chats/${sessionId}`);
    await page.getByRole('heading', { name: 'Brief' }).waitFor();
    const brief = await page.locator('main').textContent();
    expect(brief).toContain('The resident asked to talk to a person');
    expect(brief).toContain('Waste and recycling');
    expect(brief).toContain('My bin was not collected <b>today</b>');
    expect(brief).toContain('Report a missed bin collection');
    expect(brief).toContain('EM1 2AB');
    expect(brief).toMatch(/Waited\s*4 minutes/);
    expect(await page.locator('main b').count()).toBe(0);
    const transcript = page.getByRole('list', { name: 'Conversation' });
    // A message from an earlier day shows its date too ("5 Dec 23:56"), as when the test runs across midnight.
    await expect(transcript.textContent()).resolves.toMatch(
      /Resident at (?:\d{1,2} [A-Z][a-z]{2} )?\d\d:\d\d\s*My bin was not collected/,
    );
    await expect(transcript.textContent()).resolves.toContain('Sam Jones joined the chat.');
    expect(await seriousViolations(page)).toEqual([]);

    desk.residentWrites(sessionId, 'Are you there?');
    await transcript.getByText('Are you there?').waitFor({ timeout: 10_000 });

    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('Hello Pat, I can help with your bin.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await transcript.getByText('Hello Pat, I can help with your bin.').waitFor();
    await expect(message.inputValue()).resolves.toBe('');
    await expect(transcript.locator('.console-line--csa').last().textContent()).resolves.toMatch(/Sam \(CSA\)/);

    desk.refuseNext('sendMessage', { reason: 'unavailable', message: 'The resident has closed the chat window.' });
    await message.fill('Are you still there?');
    await message.press('Control+Enter');
    await page.getByText('The resident has closed the chat window.').first().waitFor();
    await expect(message.inputValue()).resolves.toBe('Are you still there?');
    await expect(message.evaluate((element) => element.matches(':focus'))).resolves.toBe(true);

    await page.getByLabel('Ready-made reply').selectOption({ label: 'Checking' });
    await page.getByRole('button', { name: 'Use this reply' }).click();
    await expect(message.inputValue()).resolves.toBe('Are you still there?\nThank you. Let me check that for you.');

    await page.getByRole('textbox', { name: 'Private note' }).fill('Resident is a carer; be patient.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Private notes' }).getByText('Resident is a carer; be patient.').waitFor();
    expect(desk.session(sessionId)?.notes).toHaveLength(1);

    await page.getByRole('button', { name: 'End chat' }).click();
    await page.getByText('The chat has ended.').waitFor();
    expect(desk.session(sessionId)?.ended).toBe(true);

    await page.getByRole('button', { name: 'Away' }).click();
    await page.getByRole('button', { name: 'Available' }).waitFor();
    const user = await harness.app.repositories.consoleUsers.findByEmail(CSA.email);
    expect(user?.availability).toBe('away');
    expect(await harness.app.presence.availableCount()).toBe(0);
    expect(scriptErrors).toEqual([]);
    await context.close();
  });

  test('a supervisor manages accounts, and every page passes axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, harness.url, BOOTSTRAP.email, BOOTSTRAP.password);
    await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('link', { name: 'Enter their name' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Name').fill('Robin Taylor');
    await page.getByLabel('Email address').fill('robin@eastmere.example');
    await page.getByLabel('CSA').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Account created' }).waitFor();
    const password = (await page.locator('code').textContent())?.trim() ?? '';
    expect(password).toMatch(/^[\w-]{23}$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: /Back to Robin Taylor/ }).click();
    await page.getByRole('heading', { name: 'Robin Taylor' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const requests = harness.app.repositories.requests;
    const callback = await requests.create({
      idempotencyKey: 'e2e-callback',
      requestType: 'callback',
      details: { topic: 'Council tax <arrears>', preferredTime: 'Weekday mornings' },
      contact: { name: 'Pat Resident', phone: '01632 960001' },
    });
    const missedBin = await requests.create({
      idempotencyKey: 'e2e-missed-bin',
      requestType: 'missed-bin',
      details: { postcode: 'EM1 2AB', binColour: 'green' },
      contact: { email: 'pat@example.org' },
    });

    await page.getByRole('link', { name: 'Callbacks', exact: true }).click();
    await page.getByRole('heading', { name: 'Callbacks', exact: true }).waitFor();
    await page.getByText('Weekday mornings').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Mark done for ${callback.request.reference}` }).click();
    await page.getByRole('link', { name: 'Enter what happened on the call' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByLabel(`Outcome of the callback ${callback.request.reference}`)
      .fill('Called; set up a payment plan.');
    await page.getByRole('button', { name: `Mark done for ${callback.request.reference}` }).click();
    await page.getByText('The callback is marked done.').waitFor();
    expect(await requests.findByReference(callback.request.reference)).toMatchObject({ status: 'resolved' });

    await page.getByRole('link', { name: 'Service requests', exact: true }).click();
    await page.getByRole('heading', { name: 'Service requests', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: missedBin.request.reference }).click();
    await page.getByRole('heading', { name: `Request ${missedBin.request.reference}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('New status').selectOption({ label: 'In progress' });
    await page.getByLabel('Note').fill('Crew sent back for the green bin.');
    await page.getByRole('button', { name: 'Update status' }).click();
    await page.getByText('The status has been updated.').waitFor();
    expect(await requests.findByReference(missedBin.request.reference)).toMatchObject({ status: 'inProgress' });
    const audit = await harness.app.repositories.auditLog.list({ action: 'serviceRequest.statusChanged' });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/payment plan|green bin/);

    // Robin signs in with the one-time password and must choose their own first.
    const robin = await (await browser.newContext()).newPage();
    await signIn(robin, harness.url, 'robin@eastmere.example', password);
    await robin.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await seriousViolations(robin)).toEqual([]);
    await robin.getByLabel('Current password').fill(password);
    await robin.getByLabel('New password', { exact: true }).fill('a quiet harbour at dawn');
    await robin.getByLabel('Confirm new password').fill('a quiet harbour at dawn');
    await robin.getByRole('button', { name: 'Change password' }).click();
    await robin.getByText('Your password has been changed.').waitFor();
    await robin.context().close();
    await context.close();
  });
});
