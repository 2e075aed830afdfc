import type { CouncilProfile } from '../knowledge/councilProfileSchema';
import { html, type SafeHtml } from './html/html';

export interface SitePageContent {
  /** The page's own title; the council's name follows it in the browser's tab. */
  title?: string;
  /** The main content. */
  main: SafeHtml;
}

/**
 * A page of the demonstration council website: skip link, masthead with the main navigation, the main content,
 * the footer, and the chat embedded as a council website would embed it (one script tag).
 */
export function renderSitePage(profile: CouncilProfile, content: SitePageContent): string {
  const { name } = profile;
  const title = content.title ? html`${content.title} – ${name}` : name;
  const example =
    profile.example &&
    html`<p class="notice"><strong>Demonstration site.</strong> This council and its contact details are examples.</p>`;
  return html`<!DOCTYPE html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="/assets/demo.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="masthead">
          <div class="wrap">
            <p class="brand"><a href="/">${name}</a></p>
            <nav aria-label="Main">
              <ul>
                <li><a href="/#bins-and-recycling">Bins</a></li>
                <li><a href="/#council-tax">Council tax</a></li>
                <li><a href="/#housing">Housing</a></li>
                <li><a href="/#contact">Contact us</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">${example} ${content.main}</main>
        <footer class="footer">
          <div class="wrap">
            <p>&copy; ${name}. <a href="/performance">How we are doing</a></p>
          </div>
        </footer>
        <script src="/embed.js" defer></script>
      </body>
    </html> `.value;
}
