import { csrfField, errorFor, type FieldError, textInput } from './components';
import { html } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';

/**
 * Supervisors' page for residents' rights while the server runs: export everything held about a conversation id or
 * an email address (a JSON download), or erase it. Both are audited; the identifier is never logged.
 */
export function renderPersonalDataPage(
  frame: PageFrame,
  form: { identifier?: string; errors?: readonly FieldError[] } = {},
): string {
  const errors = form.errors ?? [];
  const csrf = frame.csrfToken ?? '';
  return renderPage(frame, {
    title: 'Residents’ data',
    current: 'data',
    errors,
    width: 'two-thirds',
    body: html`<h1 class="govuk-heading-l">Residents’ data</h1>
      <p class="govuk-body">
        Export everything held about a resident (a subject access request), or erase it (the right to erasure). Give the
        conversation id or the email address they used. Both are recorded in the audit log, without the identifier.
      </p>
      <form method="post" action="/console/data/export" novalidate>
        ${csrfField(csrf)}
        ${textInput({ id: 'identifier', name: 'identifier', label: 'Conversation id or email address', value: form.identifier, error: errorFor(errors, 'identifier'), spellcheck: false, autocomplete: 'off' })}
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" data-module="govuk-button">Export</button>
          <button
            type="submit"
            formaction="/console/data/erase"
            class="govuk-button govuk-button--warning"
            data-module="govuk-button"
          >
            Erase
          </button>
        </div>
      </form>`,
  });
}

/** After an erasure: what went, and the reference to give the resident. */
export function renderErasedPage(frame: PageFrame, erasureId: string, deleted: Record<string, number>): string {
  return renderPage(frame, {
    title: 'Data erased',
    current: 'data',
    width: 'two-thirds',
    body: html`<h1 class="govuk-heading-l">Data erased</h1>
      <p class="govuk-body">Erasure reference (give it to the resident): <strong>${erasureId}</strong></p>
      <ul class="govuk-list govuk-list--bullet">
        ${Object.entries(deleted).map(([kind, count]) => html`<li>${kind}: ${count}</li>`)}
      </ul>
      <p class="govuk-body"><a class="govuk-link" href="/console/data">Back to residents’ data</a></p>`,
  });
}
