/** Characters that start markdown or HTML anywhere in a line: emphasis, code, links, images, tags, entities, tables. */
const INLINE = /[\\`*_{}[\]<>|~&]/g;

/** What starts a heading, quote, list or rule at the beginning of a line. */
const LINE_START = /^(\s*)([#>+-]|\d{1,9}[.)])/gm;

/**
 * Text someone typed (a CSA's message, a note from the council's CRM, a resident's own answer), for a markdown
 * reply: everything markdown or HTML would act on is escaped, so Web Chat and Teams show it exactly as it was typed
 * and never as markup (`<img>`, links, emphasis). Web addresses are left alone, so they still become links.
 */
export function literalText(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, (_match, space: string, marker: string) => {
    const escaped = /\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`;
    return `${space}${escaped}`;
  });
}
