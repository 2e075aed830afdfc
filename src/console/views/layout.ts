import type { ConsoleRole } from '../../storage/repositories/consoleUserRepository';
import { type Banner, errorSummary, type FieldError, notificationBanner } from './components';
import { html, type SafeHtml } from '../../web/html/html';

export type NavigationItem =
  'queue' | 'callbacks' | 'requests' | 'reports' | 'users' | 'data' | 'password' | 'raiseCase' | 'cases' | 'ward';

/** What every console page is given. */
export interface PageFrame {
  councilName: string;
  /** `/console/assets/<version>`: where the stylesheet and scripts are. */
  assetBase: string;
  /** The signed-in user, for the navigation; absent on the sign-in page. */
  user?: { displayName: string; role: ConsoleRole };
  csrfToken?: string;
}

export interface PageContent {
  title: string;
  current?: NavigationItem;
  errors?: readonly FieldError[];
  banner?: Banner;
  body: SafeHtml;
  /** Data for the page's script (`data-*` on `<main>`): which live stream to open. */
  mainData?: Record<string, string>;
  /** Two-thirds width for forms; full width for tables and the chat. */
  width?: 'full' | 'two-thirds';
}

/**
 * A whole console page in the GOV.UK template: skip link, header with the council's name, service navigation,
 * error summary and notification banner first in the main content, and the scripts (external only: the pages'
 * Content-Security-Policy allows no inline script).
 */
export function renderPage(frame: PageFrame, content: PageContent): string {
  const errors = content.errors ?? [];
  const title = `${errors.length > 0 ? 'Error: ' : ''}${content.title} – ${serviceName(frame)} – ${frame.councilName}`;
  const body =
    content.width === 'full'
      ? content.body
      : html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${content.body}</div></div>`;
  return html`<!DOCTYPE html>
    <html lang="en" class="govuk-template">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="robots" content="noindex, nofollow" />
        ${frame.csrfToken && html`<meta name="csrf-token" content="${frame.csrfToken}" />`}
        <link rel="stylesheet" href="${frame.assetBase}/govuk/govuk-frontend.min.css" />
        <link rel="stylesheet" href="${frame.assetBase}/console.css" />
        <script type="module" src="${frame.assetBase}/console.js"></script>
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
        <header class="govuk-template__header">
          <div class="govuk-generic-header">
            <div class="govuk-generic-header__container govuk-width-container">
              <div class="govuk-generic-header__logo">
                <a href="/console" class="govuk-generic-header__homepage-link">${frame.councilName}</a>
              </div>
            </div>
          </div>
          ${serviceNavigation(frame, content.current)}
        </header>
        <div class="govuk-width-container">
          <main
            class="govuk-main-wrapper"
            id="main-content"
            ${Object.entries(content.mainData ?? {}).map(([name, value]) => html` data-${name}="${value}"`)}
          >
            ${errorSummary(errors)} ${notificationBanner(content.banner)} ${body}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <p class="govuk-body-s">
              CSA console for ${frame.councilName}. Everything you do here is recorded in the audit log.
            </p>
          </div>
        </footer>
      </body>
    </html>`.value;
}

/** Councillors use the same console under their own name for it. */
function serviceName(frame: PageFrame): string {
  return frame.user?.role === 'councillor' ? 'Councillor casework' : 'CSA console';
}

function serviceNavigation(frame: PageFrame, current: NavigationItem | undefined): SafeHtml {
  const items: Array<{ id: NavigationItem; text: string; href: string }> = !frame.user
    ? []
    : frame.user.role === 'councillor'
      ? [
          { id: 'cases', text: 'Your cases', href: '/console/casework' },
          { id: 'raiseCase', text: 'Raise a case', href: '/console/casework/new' },
          { id: 'ward', text: 'Your ward', href: '/console/casework/ward' },
          { id: 'password', text: 'Your password', href: '/console/password' },
        ]
      : [
          { id: 'queue', text: 'Queue', href: '/console' },
          { id: 'callbacks', text: 'Callbacks', href: '/console/callbacks' },
          { id: 'requests', text: 'Service requests', href: '/console/requests' },
          ...(frame.user.role === 'supervisor'
            ? [
                { id: 'reports' as const, text: 'Reports', href: '/console/reports' },
                { id: 'users' as const, text: 'Accounts', href: '/console/users' },
                { id: 'data' as const, text: 'Residents’ data', href: '/console/data' },
              ]
            : []),
          { id: 'password', text: 'Your password', href: '/console/password' },
        ];
  return html`<section
    aria-label="Service information"
    class="govuk-service-navigation"
    data-module="govuk-service-navigation"
  >
    <div class="govuk-width-container">
      <div class="govuk-service-navigation__container">
        <span class="govuk-service-navigation__service-name">
          <a href="/console" class="govuk-service-navigation__link">${serviceName(frame)}</a>
        </span>
        ${
          frame.user &&
          html`<nav aria-label="Console" class="govuk-service-navigation__wrapper">
            <button
              type="button"
              class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
              aria-controls="navigation"
              hidden
              aria-hidden="true"
            >
              Menu
            </button>
            <ul class="govuk-service-navigation__list" id="navigation">
              ${items.map((item) =>
                item.id === current
                  ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active">
                      <a class="govuk-service-navigation__link" href="${item.href}" aria-current="page"
                        ><strong class="govuk-service-navigation__active-fallback">${item.text}</strong></a
                      >
                    </li>`
                  : html`<li class="govuk-service-navigation__item">
                      <a class="govuk-service-navigation__link" href="${item.href}">${item.text}</a>
                    </li>`,
              )}
              <li class="govuk-service-navigation__item">
                <form method="post" action="/console/sign-out" class="console-inline-form">
                  <input type="hidden" name="_csrf" value="${frame.csrfToken ?? ''}" />
                  <button type="submit" class="govuk-service-navigation__link console-link-button">
                    Sign out<span class="govuk-visually-hidden"> (${frame.user.displayName})</span>
                  </button>
                </form>
              </li>
            </ul>
          </nav>`
        }
      </div>
    </div>
  </section>`;
}
