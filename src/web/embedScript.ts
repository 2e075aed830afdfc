import { browserScript } from '../server/http/browserScript';
import type { EmbedSettings } from './embedSettings';

export type { EmbedSettings } from './embedSettings';

/**
 * The one script a council website pastes in (`/embed.js`), built once from `browser/embed.ts` (see there for what it
 * does), wrapped in a function that hands it the council's settings (name, colour, Web Chat bundle path), which follow
 * the knowledge base's profile.
 */
export function renderEmbedScript(settings: EmbedSettings): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  const body = browserScript({ entry: 'src/web/browser/embed.ts', format: 'iife' });
  return `(function (EMBED_SETTINGS) {\n${body}})(${json});\n`;
}
