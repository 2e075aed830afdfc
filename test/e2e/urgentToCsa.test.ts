import type { Browser } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { openWebChat, sayInWebChat, signInToConsole } from '../support/browserJourneys';
import { type CsaDesk, openCsaDesk } from '../support/csaDesk';
import type { ChannelHarness } from '../support/directLineHarness';

jest.setTimeout(120_000);

const CSA = {
  email: 'kim.csa@eastmere.example',
  displayName: 'Kim Hughes',
  role: 'csa' as const,
  password: 'kim password 123',
};

describe('an urgent conversation reaches a CSA first, with an alert they cannot miss, in two browsers', () => {
  let desk: CsaDesk;
  let harness: ChannelHarness;
  let browser: Browser;

  beforeAll(async () => {
    desk = await openCsaDesk(CSA);
    ({ harness, browser } = desk);
  });

  afterAll(() => desk?.close());

  test('the emergency numbers for the resident, the top of the queue and an alert for the CSA', async () => {
    const csaContext = await browser.newContext();
    const csa = await csaContext.newPage();
    await signInToConsole(csa, harness.url, CSA);

    // Someone is already waiting with a routine question.
    const firstContext = await browser.newContext();
    const first = await firstContext.newPage();
    await openWebChat(first, harness.url);
    await sayInWebChat(first, 'I want to speak to someone about my council tax bill');
    await first
      .getByText(/in the queue/)
      .first()
      .waitFor({ timeout: 20_000 });
    await csa
      .getByRole('row')
      .filter({ hasText: /council tax/i })
      .first()
      .waitFor({ timeout: 15_000 });

    // Then a resident writes about abuse at home.
    const residentContext = await browser.newContext();
    const resident = await residentContext.newPage();
    await openWebChat(resident, harness.url);
    await sayInWebChat(resident, "my partner punched me last night and I'm scared to go home");
    await resident
      .getByText(/0808 2000 247/)
      .first()
      .waitFor({ timeout: 20_000 });
    await resident
      .getByText(/pick up your conversation as a priority/)
      .first()
      .waitFor({ timeout: 20_000 });

    // The CSA's queue updates live: an alert, and the urgent conversation first.
    const alert = csa.getByRole('alert').filter({ hasText: /may be at risk/ });
    await alert.waitFor({ timeout: 15_000 });
    await expect(alert.textContent()).resolves.toMatch(/domestic abuse/i);
    const rows = csa
      .getByRole('table', { name: /Waiting/ })
      .locator('tbody')
      .getByRole('row');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.first().textContent()).resolves.toMatch(/Possible emergency: Domestic abuse/);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/council tax/i);
    expect(await seriousViolations(csa)).toEqual([]);

    // The chat page repeats the alert above the brief, with the kind of emergency.
    await rows.first().getByRole('button', { name: 'Accept' }).click();
    await csa.getByRole('heading', { name: 'Brief' }).waitFor();
    await expect(
      csa
        .getByRole('alert')
        .filter({ hasText: /Possible emergency: Domestic abuse/ })
        .count(),
    ).resolves.toBe(1);
    await expect(csa.locator('main').textContent()).resolves.toContain('Flagged as: Domestic abuse');
    expect(await seriousViolations(csa)).toEqual([]);

    await firstContext.close();
    await residentContext.close();
    await csaContext.close();
  });
});
