import { browserScript } from '../../server/http/browserScript';

/**
 * The console's one script (`/console/assets/<version>/console.js`, an ES module), built from
 * `browser/console.ts` (see there for what it does). It imports GOV.UK Frontend from `./govuk/govuk-frontend.min.js`,
 * which the browser resolves beside it under the same versioned asset path, so the script holds no server value and
 * its hash is part of that version.
 */
export function consoleScript(): string {
  return browserScript({
    entry: 'src/console/client/browser/console.ts',
    format: 'esm',
    external: ['./govuk/*'],
  });
}
