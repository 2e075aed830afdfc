/** What a table shows for a rate, a time or an average with nothing to measure. */
export const NO_DATA = 'no data';

/** 0.667 → `66.7%` */
export function formatShare(rate: number | null): string {
  return rate === null ? NO_DATA : `${(rate * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;
}

/** 4.5 → `4.5 min` */
export function formatMinutes(minutes: number | null): string {
  return minutes === null ? NO_DATA : `${minutes.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`;
}

/** An average rating (1 to 5): 4.25 → `4.25` */
export function formatAverage(average: number | null): string {
  return average === null ? NO_DATA : average.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** A share of a whole (`part` of `whole`, 0 to 1, three decimals); null when the whole is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}
