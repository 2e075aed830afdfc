import { html } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';

/** A page that only says something: not found, not allowed, a server error. */
export function renderMessagePage(frame: PageFrame, title: string, message: string): string {
  return renderPage(frame, {
    title,
    body: html`<h1 class="govuk-heading-l">${title}</h1>
      <p class="govuk-body">${message}</p>
      <p class="govuk-body"><a class="govuk-link" href="/console">Go to the queue</a></p>`,
  });
}
