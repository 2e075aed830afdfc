import type { RequestDefinition } from '../../requests/requestTypes';
import { staffFields } from '../../requests/readStaffAnswers';
import { csrfField, errorFor, type FieldError, textInput } from './components';
import { html } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';

export interface NewRequestPageView {
  sessionId: string;
  definition: RequestDefinition;
  /** What is in each box: what the CSA typed, or the details the resident already gave. */
  values: Readonly<Record<string, string | undefined>>;
  /** Makes a second submission of the same form store nothing new. */
  formId: string;
  errors?: readonly FieldError[];
}

/**
 * A service request made by a CSA for the resident they are helping: the questions the bot would ask, filled in
 * from what the resident already said where possible, checked the same way.
 */
export function renderNewRequestPage(frame: PageFrame, view: NewRequestPageView): string {
  const errors = view.errors ?? [];
  const chat = `/console/chats/${encodeURIComponent(view.sessionId)}`;
  return renderPage(frame, {
    title: `New request: ${view.definition.title}`,
    current: 'queue',
    errors,
    body: html`<a href="${chat}" class="govuk-back-link">Back to the chat</a>
      <span class="govuk-caption-l">New service request</span>
      <h1 class="govuk-heading-l">${view.definition.title}</h1>
      <p class="govuk-body">
        The request is stored with the resident's conversation and goes to the service team like any other. Leave
        optional questions blank if the resident does not know.
      </p>
      <form method="post" action="${chat}/new-request?type=${encodeURIComponent(view.definition.id)}" novalidate>
        ${csrfField(frame.csrfToken ?? '')}
        <input type="hidden" name="formId" value="${view.formId}" />
        ${staffFields(view.definition).map((field) =>
          textInput({
            id: field.id,
            name: field.id,
            label: `${field.label}${field.optional ? ' (optional)' : ''}`,
            hint: [field.question, field.suggestions.length > 0 ? `For example: ${field.suggestions.join(', ')}.` : '']
              .filter(Boolean)
              .join(' '),
            value: view.values[field.id],
            error: errorFor(errors, field.id),
          }),
        )}
        <button type="submit" class="govuk-button" data-module="govuk-button">Create request</button>
      </form>`,
  });
}
