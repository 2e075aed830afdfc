import type { ServiceArea } from '../../casework/serviceAreas';
import { csrfField, errorFor, type FieldError, select, textarea, textInput } from './components';
import { html, type SafeHtml } from '../../web/html/html';
import { type PageFrame, renderPage } from './layout';

export interface RaiseCaseView {
  serviceAreas: readonly ServiceArea[];
  wardName: string;
  /** Makes a second submission of the same form raise nothing new. */
  formId: string;
  values: Readonly<Record<string, string | undefined>>;
  errors?: readonly FieldError[];
  /** Whether the council's address lookup is there to offer (a postcode search before `Their address`). */
  lookup: boolean;
  /** The addresses found for the postcode typed, to choose from (`Find address`). */
  addressChoices?: readonly string[];
}

/** `Raise a case`: the constituent's details, where it should go, the problem, and their consent. */
export function renderRaiseCasePage(frame: PageFrame, view: RaiseCaseView): string {
  const errors = view.errors ?? [];
  const values = view.values;
  return renderPage(frame, {
    title: 'Raise a case',
    current: 'raiseCase',
    errors,
    body: html`<span class="govuk-caption-l">${view.wardName}</span>
      <h1 class="govuk-heading-l">Raise a case</h1>
      <p class="govuk-body">
        For a resident who has asked you to take something up with the council. It goes to the service team like any
        service request, marked as a councillor’s enquiry, and you get a reference and the date a full reply is due.
      </p>
      <form method="post" action="/console/casework" novalidate>
        ${csrfField(frame.csrfToken ?? '')}
        <input type="hidden" name="formId" value="${view.formId}" />
        ${textInput({ id: 'constituentName', name: 'constituentName', label: "Constituent's name", value: values.constituentName, error: errorFor(errors, 'constituentName'), autocomplete: 'off' })}
        ${textInput({ id: 'email', name: 'email', label: 'Their email', hint: 'Optional. We use it only for this case.', type: 'email', value: values.email, error: errorFor(errors, 'email'), spellcheck: false, autocomplete: 'off' })}
        ${textInput({ id: 'phone', name: 'phone', label: 'Their phone', hint: 'Optional. A UK number, like 01632 960000.', type: 'tel', value: values.phone, error: errorFor(errors, 'phone'), autocomplete: 'off', inputClass: 'govuk-input--width-20' })}
        ${view.lookup ? postcodeSearch(values.postcode, errorFor(errors, 'postcode')) : ''}
        ${
          view.addressChoices && view.addressChoices.length > 0
            ? addressChoice(view.addressChoices, values.address, errorFor(errors, 'address'))
            : addressField(values.address, errorFor(errors, 'address'))
        }
        ${select({
          id: 'serviceArea',
          name: 'serviceArea',
          label: 'Service area',
          hint: 'The kind of problem, or the team it is for.',
          error: errorFor(errors, 'serviceArea'),
          options: [
            { value: '', text: 'Choose a service area', selected: !values.serviceArea },
            ...view.serviceAreas.map((area) => ({
              value: area.value,
              text: area.label,
              selected: values.serviceArea === area.value,
            })),
          ],
        })}
        ${textarea({ id: 'problem', name: 'problem', label: 'What is the problem', hint: 'What the constituent told you: where, since when, and what they would like done.', value: values.problem, error: errorFor(errors, 'problem'), rows: 6 })}
        ${consentCheckbox(values.consent === 'yes', errorFor(errors, 'consent'))}
        <button type="submit" class="govuk-button" data-module="govuk-button">Submit case</button>
      </form>`,
  });
}

/**
 * `Their postcode` and `Find address`: the council's address lookup, without JavaScript. The button posts the form
 * back with everything typed; the page comes back with the addresses at that postcode to choose from.
 */
function postcodeSearch(value: string | undefined, error: string | undefined): SafeHtml {
  return html`${textInput({
      id: 'postcode',
      name: 'postcode',
      label: 'Their postcode',
      hint: 'Optional. Find their address from the council’s address list, or type it below.',
      value,
      error,
      autocomplete: 'off',
      spellcheck: false,
      inputClass: 'govuk-input--width-10',
    })}
    <button
      type="submit"
      name="action"
      value="findAddress"
      class="govuk-button govuk-button--secondary"
      data-module="govuk-button"
    >
      Find address
    </button>`;
}

/** `Their address` as a choice of the addresses found at the postcode (a select keeps a long list usable). */
function addressChoice(choices: readonly string[], value: string | undefined, error: string | undefined): SafeHtml {
  return select({
    id: 'address',
    name: 'address',
    label: 'Their address',
    hint: `${choices.length} ${choices.length === 1 ? 'address' : 'addresses'} at this postcode.`,
    error,
    options: [
      { value: '', text: 'Choose their address', selected: !value },
      ...choices.map((choice) => ({ value: choice, text: choice, selected: value === choice })),
    ],
  });
}

/** `Their address` as free text: without the lookup, or when it found nothing at the postcode. */
function addressField(value: string | undefined, error: string | undefined): SafeHtml {
  return textarea({
    id: 'address',
    name: 'address',
    label: 'Their address',
    hint: 'Their home address, or where the problem is, with the postcode if you know it.',
    value,
    error,
    rows: 3,
  });
}

function consentCheckbox(checked: boolean, error: string | undefined): SafeHtml {
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <fieldset class="govuk-fieldset" aria-describedby="consent-hint${error ? ' consent-error' : ''}">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Consent</legend>
      <div id="consent-hint" class="govuk-hint">
        We record that they agreed, and when. We cannot raise a case without it.
      </div>
      ${error && html`<p id="consent-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>`}
      <div class="govuk-checkboxes" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id="consent"
            name="consent"
            type="checkbox"
            value="yes"
            ${checked ? html` checked` : ''}
          />
          <label class="govuk-label govuk-checkboxes__label" for="consent"
            >The constituent has agreed to us sharing their details</label
          >
        </div>
      </div>
    </fieldset>
  </div>`;
}
