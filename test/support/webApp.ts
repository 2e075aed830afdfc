import type { Browser } from 'playwright-core';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { launchChromium } from './browser';
import { SHIPPED_KNOWLEDGE, silentLogger } from './testBot';
import { TempKnowledge } from './tempKnowledge';

/** The app on a free port with the shipped knowledge base and a fresh data folder, and Chromium to visit it. */
export interface WebApp {
  app: App;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the app as `npm start` would (the council's demo page with the chat embedded) and a browser. */
export async function startWebApp(): Promise<WebApp> {
  const data = new TempKnowledge();
  const loaded = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
    DATA_DIR: data.dir,
    DIRECTLINE_SECRET: 'e2e-secret-that-is-at-least-32-characters-long',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const created = await createApp(loaded.config, silentLogger);
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const { app } = created;
  const url = await app.listen();
  const browser = await launchChromium();
  return {
    app,
    url,
    browser,
    close: async () => {
      await browser.close();
      await app.close(100);
      data.remove();
    },
  };
}
