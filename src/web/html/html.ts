/**
 * The one way this project writes HTML (and the SVG inside it): the console's views, the public pages and the
 * charts. Markup is written in `html` templates; everything interpolated into one is escaped unless it is itself
 * `SafeHtml`, so no page builds HTML by adding strings together.
 */

/** HTML that is already safe: built by `html` from escaped values, or markup written in this code. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

/**
 * Builds HTML with every interpolated value escaped (and without bidirectional controls), unless it is `SafeHtml`
 * (another `html` result). Anything a resident or a user typed can be interpolated as it is: it cannot become markup.
 * Values are escaped for element content and for quoted attribute values alike (always quote attributes).
 * `false`, `null` and `undefined` render nothing, so `${condition && html`...`}` works; arrays render each item.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(withoutBidiControls(String(value)));
}

/** Text safe to place in HTML element content or a quoted attribute value. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed from what is
 * shown: a resident's right-to-left override could otherwise reverse what follows it on the CSA's screen ("exe.pdf"
 * shown as "fdp.exe") or make their words look like the bot's. Right-to-left text itself, and the left-to-right and
 * right-to-left marks, are kept.
 */
export function withoutBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

/** Joins fragments into one. */
export function join(parts: readonly SafeHtml[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map((part) => part.value).join(separator));
}
