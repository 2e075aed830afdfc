import { urgentCategoryName } from '../../handoff/urgentCategoryName';
import type { UrgentCategory } from '../../safety/urgentCategory';
import { html, type SafeHtml } from '../../web/html/html';

/** A warning CSAs cannot miss (and screen readers announce): a resident may be at risk. */
export function urgentAlert(text: string): SafeHtml {
  return html`<div class="govuk-warning-text console-urgent-alert" role="alert">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning: </span>${text}</strong>
  </div>`;
}

/** "Possible emergency: A child at risk", or without a category, "Possible emergency". */
export function urgentLabel(category: UrgentCategory | undefined): string {
  return category ? `Possible emergency: ${urgentCategoryName(category)}` : 'Possible emergency';
}
