import type { Browser } from 'playwright-core';
import type { ConsoleRole } from '../../src/storage/repositories/consoleUserRepository';
import { launchChromium } from './browser';
import { createAccount } from './consoleHarness';
import { type ChannelHarness, startChannelHarness } from './directLineHarness';

/** A CSA's account, made before the desk opens. */
export interface CsaAccount {
  email: string;
  displayName: string;
  role: ConsoleRole;
  password: string;
}

/** The whole app with the contact centre always open, one CSA account, and Chromium for both sides of a chat. */
export interface CsaDesk {
  harness: ChannelHarness;
  browser: Browser;
  close(): Promise<void>;
}

/** Opens the desk for browser journeys between a resident in Web Chat and a CSA in the console. */
export async function openCsaDesk(csa: CsaAccount): Promise<CsaDesk> {
  const harness = await startChannelHarness({
    env: {
      CONTACT_CENTRE_HOURS: 'always',
      CONSOLE_ADMIN_EMAIL: 'lead@eastmere.example',
      CONSOLE_ADMIN_PASSWORD: 'bootstrap password 1',
    },
  });
  await createAccount(harness.app, csa);
  const browser = await launchChromium();
  return {
    harness,
    browser,
    close: async () => {
      await browser.close();
      await harness.close();
    },
  };
}
