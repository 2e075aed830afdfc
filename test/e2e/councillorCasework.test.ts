import type { Browser, Page } from 'playwright-core';
import { responseDueBy } from '../../src/calendar/workingDays';
import { formatLongDate } from '../../src/calendar/dateLabels';
import { seriousViolations } from '../support/accessibility';
import { launchChromium } from '../support/browser';
import { BOOTSTRAP, type ConsoleHarness, startConsole } from '../support/consoleHarness';

jest.setTimeout(180_000);

const STAFF_API_KEY = 'staff-api-key-for-the-casework-test-0123456789';
const COUNCILLOR = { name: 'Councillor Priya Lawson', email: 'priya.lawson@eastmere.example' };

async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/console/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect({ what, violations: await seriousViolations(page) }).toEqual({ what, violations: [] });
}

describe('a councillor raises and tracks a case for a constituent', () => {
  let harness: ConsoleHarness;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startConsole({ env: { STAFF_API_KEY } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  test('a supervisor creates the account; the councillor signs in, raises a case and sees the team’s note', async () => {
    const supervisorContext = await browser.newContext();
    const supervisor = await supervisorContext.newPage();
    await signIn(supervisor, harness.url, BOOTSTRAP.email, BOOTSTRAP.password);
    await supervisor.getByRole('link', { name: 'Accounts' }).click();
    await supervisor.getByRole('button', { name: 'Create an account' }).click();
    await supervisor.getByLabel('Name').fill(COUNCILLOR.name);
    await supervisor.getByLabel('Email address').fill(COUNCILLOR.email);
    await supervisor.getByRole('radio', { name: /^Councillor/ }).check();
    await supervisor.getByLabel('Ward').selectOption({ label: 'Market ward' });
    await expectAccessible(supervisor, 'create an account');
    await supervisor.getByRole('button', { name: 'Create account' }).click();
    await supervisor.getByRole('heading', { name: 'Account created' }).waitFor();
    const oneTimePassword = (await supervisor.locator('code').textContent())?.trim() ?? '';
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await supervisorContext.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));

    // First sign-in with the one-time password: choose their own.
    await signIn(page, harness.url, COUNCILLOR.email, oneTimePassword);
    await page.getByLabel('Current password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('market ward casework 2026');
    await page.getByLabel('Confirm new password').fill('market ward casework 2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Your cases' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Console' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual([
      'Your cases',
      'Raise a case',
      'Your ward',
      'Your password',
    ]);
    await expectAccessible(page, 'your cases (empty)');

    // Raise a case, with the keyboard only.
    await page.getByRole('link', { name: 'Raise a case' }).first().click();
    await page.getByRole('heading', { name: 'Raise a case' }).waitFor();
    await expectAccessible(page, 'raise a case');
    await page.getByLabel("Constituent's name").focus();
    await page.keyboard.type('Ada Constituent');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ada@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('07700 900123');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4 Market Square, Eastmere EM1 2AB');
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('serviceArea');
    await page.getByLabel('Service area').selectOption({ label: 'Fly-tipping' });
    await page.getByLabel('What is the problem').fill('Mattresses dumped behind the shops for three weeks now.');
    // Without consent the case is refused, and nothing typed is lost.
    await page.getByRole('button', { name: 'Submit case' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect(page.getByLabel("Constituent's name").inputValue()).resolves.toBe('Ada Constituent');
    await expectAccessible(page, 'raise a case with an error');
    await page.getByLabel('The constituent has agreed to us sharing their details').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Submit case' }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Case raised' }).waitFor();
    const panel = (await page.locator('.govuk-panel__body').textContent()) ?? '';
    const reference = decodeURIComponent(/\/cases\/([^?]+)/.exec(page.url())?.[1] ?? '');
    expect(panel).toContain(`Your reference${reference}`);
    const stored = await harness.app.requests.findByReference(reference);
    expect(stored?.requestType).toBe('member-enquiry');
    const due = responseDueBy(stored?.createdAt ?? new Date(), 10);
    expect(stored?.responseDueBy).toBe(due);
    expect(panel).toContain(`A full reply is due by ${formatLongDate(due)}`);
    await expectAccessible(page, 'case raised');

    // Staff change its status with a note for the councillor through the staff API.
    const response = await fetch(`${harness.url}/api/requests/${reference}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${STAFF_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'inProgress', note: 'Clearance booked for Thursday morning.' }),
    });
    expect(response.status).toBe(200);

    await page.getByRole('link', { name: 'Your cases' }).first().click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
    await expect(row.textContent()).resolves.toContain('In progress');
    await expectAccessible(page, 'your cases');
    await page.getByRole('link', { name: reference }).click();
    await page.getByText('Note from the council: Clearance booked for Thursday morning.').waitFor();

    // The councillor adds an update.
    await page.getByLabel('Your update').fill('The resident says the pile has grown since.');
    await page.getByRole('button', { name: 'Add an update' }).click();
    await page.getByText('Your update has been added to the case.').waitFor();
    await page.getByText('The resident says the pile has grown since.').waitFor();
    await expectAccessible(page, 'a case');

    await page.getByRole('link', { name: 'Your ward' }).click();
    await page.getByRole('heading', { name: 'Market ward' }).waitFor();
    const wardTable = page.getByRole('table', { name: /Service requests in Market ward/ });
    await expect(wardTable.textContent()).resolves.toContain('Member enquiry');
    expect(await page.content()).not.toContain('Ada Constituent');
    await expectAccessible(page, 'your ward');

    expect(scriptErrors).toEqual([]);
    await context.close();

    // The councillor was emailed on raising and on the status change.
    const emails = await harness.app.repositories.outbox.listForRequest(reference);
    expect(emails.filter((email) => email.channel === 'email' && email.to === COUNCILLOR.email)).toHaveLength(2);
  });
});
