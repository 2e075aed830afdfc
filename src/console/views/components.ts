import { html, type SafeHtml } from '../../web/html/html';

/** A problem with what was submitted; `field` is the id of the input it is about. */
export interface FieldError {
  field?: string;
  message: string;
}

/** GOV.UK error summary: first in the main content, focused by GOV.UK Frontend, each error linking to its field. */
export function errorSummary(errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${errors.map((error) =>
            error.field
              ? html`<li><a href="#${error.field}">${error.message}</a></li>`
              : html`<li>${error.message}</li>`,
          )}
        </ul>
      </div>
    </div>
  </div>`;
}

export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

export type Banner = { kind: 'success' | 'important'; title?: string; text: string | SafeHtml };

/** GOV.UK notification banner: success banners are announced (role alert), important ones are a region. */
export function notificationBanner(banner: Banner | undefined): SafeHtml {
  if (!banner) return html``;
  const success = banner.kind === 'success';
  const title = banner.title ?? (success ? 'Success' : 'Important');
  return html`<div
    class="govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}"
    ${success ? html`role="alert"` : html`role="region"`}
    aria-labelledby="govuk-notification-banner-title"
    data-module="govuk-notification-banner"
  >
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">${title}</h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">${banner.text}</p>
    </div>
  </div>`;
}

/** The hidden field every console form carries: the session's anti-forgery token. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}

interface FieldOptions {
  id: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  /** Visually a page heading-sized label. */
  labelClass?: string;
}

function hintAndError(options: FieldOptions): { describedBy: string; markup: SafeHtml } {
  const ids: string[] = [];
  if (options.hint) ids.push(`${options.id}-hint`);
  if (options.error) ids.push(`${options.id}-error`);
  return {
    describedBy: ids.join(' '),
    markup: html`${options.hint && html`<div id="${options.id}-hint" class="govuk-hint">${options.hint}</div>`}${
      options.error &&
      html`<p id="${options.id}-error" class="govuk-error-message">
        <span class="govuk-visually-hidden">Error:</span> ${options.error}
      </p>`
    }`,
  };
}

export function textInput(
  options: FieldOptions & { type?: string; autocomplete?: string; spellcheck?: boolean; inputClass?: string },
): SafeHtml {
  const { describedBy, markup } = hintAndError(options);
  return html`<div class="govuk-form-group${options.error ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label${options.labelClass ? ` ${options.labelClass}` : ''}" for="${options.id}"
      >${options.label}</label
    >
    ${markup}
    <input
      class="govuk-input${options.inputClass ? ` ${options.inputClass}` : ''}${options.error ? ' govuk-input--error' : ''}"
      id="${options.id}"
      name="${options.name}"
      type="${options.type ?? 'text'}"
      ${
        options.value !== undefined ? html` value="${options.value}"` : ''
      }${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${
        options.spellcheck === false ? html` spellcheck="false"` : ''
      }${describedBy ? html` aria-describedby="${describedBy}"` : ''}
    />
  </div>`;
}

export function textarea(options: FieldOptions & { rows?: number }): SafeHtml {
  const { describedBy, markup } = hintAndError(options);
  return html`<div class="govuk-form-group${options.error ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label${options.labelClass ? ` ${options.labelClass}` : ''}" for="${options.id}"
      >${options.label}</label
    >
    ${markup}
    <textarea
      class="govuk-textarea${options.error ? ' govuk-textarea--error' : ''}"
      id="${options.id}"
      name="${options.name}"
      rows="${options.rows ?? 3}"
      ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
    >
${options.value ?? ''}</textarea>
  </div>`;
}

export interface SelectOption {
  value: string;
  text: string;
  selected?: boolean;
}

export function select(options: FieldOptions & { options: readonly SelectOption[] }): SafeHtml {
  const { describedBy, markup } = hintAndError(options);
  return html`<div class="govuk-form-group${options.error ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label" for="${options.id}">${options.label}</label>
    ${markup}
    <select
      class="govuk-select${options.error ? ' govuk-select--error' : ''}"
      id="${options.id}"
      name="${options.name}"
      ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
    >
      ${options.options.map(
        (option) =>
          html`<option value="${option.value}" ${option.selected ? html` selected` : ''}>${option.text}</option>`,
      )}
    </select>
  </div>`;
}

/** A form with one button: for actions (accept, end, disable). */
export function buttonForm(options: {
  action: string;
  csrfToken: string;
  text: string;
  kind?: 'primary' | 'secondary' | 'warning';
  hidden?: Record<string, string>;
  /** Extra words for screen readers, after the button's text ("Accept" → "Accept chat about bins"). */
  hiddenText?: string;
  formClass?: string;
}): SafeHtml {
  const kindClass =
    options.kind === 'secondary'
      ? ' govuk-button--secondary'
      : options.kind === 'warning'
        ? ' govuk-button--warning'
        : '';
  return html`<form
    method="post"
    action="${options.action}"
    class="console-inline-form${options.formClass ? ` ${options.formClass}` : ''}"
    novalidate
  >
    ${csrfField(options.csrfToken)}${Object.entries(options.hidden ?? {}).map(
      ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
    )}
    <button type="submit" class="govuk-button${kindClass}" data-module="govuk-button" data-prevent-double-click="true">
      ${options.text}${options.hiddenText && html`<span class="govuk-visually-hidden"> ${options.hiddenText}</span>`}
    </button>
  </form>`;
}

export interface SummaryRow {
  key: string;
  value: string | SafeHtml;
}

export function summaryList(rows: readonly SummaryRow[], extraClass = ''): SafeHtml {
  return html`<dl class="govuk-summary-list${extraClass ? ` ${extraClass}` : ''}">
    ${rows.map(
      (row) =>
        html`<div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">${row.key}</dt>
          <dd class="govuk-summary-list__value">${row.value}</dd>
        </div>`,
    )}
  </dl>`;
}

export function tag(text: string, colour?: 'red' | 'green' | 'grey' | 'blue' | 'yellow' | 'orange'): SafeHtml {
  return html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${text}</strong>`;
}
