/**
 * GOV.UK Frontend's script as the server serves it beside `console.js` (`<asset base>/govuk/govuk-frontend.min.js`,
 * from `node_modules/govuk-frontend`), which ships no types: the one export the console uses. The build leaves this
 * import as it is (an ES module import, resolved by the browser relative to `console.js`).
 */
export declare function initAll(config?: Record<string, unknown>): void;
