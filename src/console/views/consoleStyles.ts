/**
 * The console's own styles, on top of GOV.UK Frontend. The council is not GOV.UK, and GDS Transport is licensed for
 * GOV.UK only, so the console uses the system font stack GOV.UK Frontend recommends for other services.
 */
export const CONSOLE_STYLES = `
:root { --console-font: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
body, .govuk-template__body, .govuk-body, .govuk-body-s, .govuk-body-l, .govuk-heading-xl, .govuk-heading-l,
.govuk-heading-m, .govuk-heading-s, .govuk-caption-l, .govuk-caption-m, .govuk-label, .govuk-hint, .govuk-input,
.govuk-textarea, .govuk-select, .govuk-button, .govuk-table, .govuk-summary-list, .govuk-tag, .govuk-error-message,
.govuk-error-summary, .govuk-notification-banner, .govuk-service-navigation, .govuk-generic-header, .govuk-footer,
.govuk-list, .govuk-inset-text, .govuk-fieldset__legend, .govuk-details, .govuk-link, .govuk-skip-link {
  font-family: var(--console-font);
}
.govuk-generic-header { background: #0b0c0c; color: #fff; padding: 10px 0; }
.govuk-generic-header__homepage-link { color: #fff; font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.govuk-generic-header__homepage-link:focus { color: #0b0c0c; }
.console-inline-form { display: inline; margin: 0; }
.console-link-button { background: none; border: 0; padding: 0; cursor: pointer; font: inherit; text-decoration: underline; }
.console-link-button:focus { outline: 3px solid transparent; background-color: #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; color: #0b0c0c; }
.console-urgent { border-left: 5px solid #ca3535; }
.console-urgent-alert { border-left: 5px solid #ca3535; padding: 10px 10px 10px 15px; background: #fbeaea; }
.console-urgent td:first-child, .console-urgent th:first-child { padding-left: 10px; }
.console-transcript { list-style: none; margin: 0 0 30px; padding: 0; max-height: 36rem; overflow-y: auto; border: 1px solid #cecece; }
.console-line { margin: 0; padding: 10px 15px; border-bottom: 1px solid #cecece; }
.console-line:last-child { border-bottom: 0; }
.console-line__meta { display: block; font-size: 1rem; color: #484949; margin-bottom: 5px; }
.console-line__text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.console-line__text--bot { white-space: normal; }
.console-line__text--bot p { margin: 0 0 .5em; }
.console-line__text--bot p:last-child, .console-line__text--bot ul:last-child { margin-bottom: 0; }
.console-line__text--bot ul { margin: 0 0 .5em; padding-left: 1.25em; }
.console-line--resident { background: #fff; border-left: 5px solid #1d70b8; }
.console-line--bot { background: #f3f2f1; border-left: 5px solid #505a5f; }
.console-line--csa { background: #e8f1f8; border-left: 5px solid #0f7a52; }
.console-line--system { background: #fff7bf; border-left: 5px solid #f47738; font-style: italic; }
.console-notes { list-style: none; padding: 0; }
.console-notes li { border-left: 5px solid #cecece; padding: 5px 10px; margin-bottom: 10px; }
.console-status { min-height: 1.5em; }
.console-actions .govuk-button { margin-right: 10px; }
.console-quote { white-space: pre-wrap; overflow-wrap: anywhere; }
.figures-section { margin-bottom: 50px; }
.figures-chart { display: block; width: 100%; max-width: 720px; height: auto; margin: 0 0 20px; }
.figures-scroll { overflow-x: auto; margin-bottom: 30px; }
.figures-scroll .govuk-table { margin-bottom: 0; }
.figures-scroll:focus { outline: 3px solid #fd0; outline-offset: 0; box-shadow: inset 0 0 0 4px #0b0c0c; }
`;
