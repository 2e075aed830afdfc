/**
 * How a kind of request is named in a sentence: "missed bin collection request", "callback request" (a title that
 * already ends in "request" is not given a second one).
 */
export function requestName(title: string): string {
  const name = title.toLowerCase();
  return /\brequest$/.test(name) ? name : `${name} request`;
}
