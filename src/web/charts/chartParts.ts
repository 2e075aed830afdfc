import { html, type SafeHtml } from '../html/html';

/** One series of a chart: its name (in the legend) and a value per category (null: nothing to show). */
export interface ChartSeries {
  name: string;
  values: ReadonlyArray<number | null>;
  /** One of `SERIES_COLOURS` when a colour means something (green for on time); else by position. */
  colour?: string;
}

/**
 * Series colours: each at least 3:1 against white (WCAG 1.4.11) and told apart by the legend's order and the white
 * gaps between stacked parts. The chart is never the only place a figure is: a table always goes with it.
 */
export const SERIES_COLOURS = ['#1d70b8', '#00703c', '#d4351c', '#4c2c92', '#505a5f', '#912b88'] as const;

export const TEXT_COLOUR = '#0b0c0c';
export const GRID_COLOUR = '#b1b4b6';
export const FONT = 'system-ui, -apple-system, Segoe UI, Arial, sans-serif';

export function colourOf(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? SERIES_COLOURS[0];
}

/** A scale from 0 with 3 to 5 round steps covering `largest` (whole-number steps unless `fractions`). */
export function niceScale(largest: number, fractions = false): { max: number; step: number } {
  const raw = Math.max(largest, 0) / 4;
  if (raw === 0) return { max: fractions ? 1 : 4, step: fractions ? 0.25 : 1 };
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const whole = fractions ? step : Math.max(1, Math.ceil(step));
  return { max: Math.ceil(largest / whole) * whole || whole, step: whole };
}

/** `1,234`; `1.5` */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/** The chart: `content` in an SVG scaled to its container, read by screen readers as one image named `label`. */
export function svg(width: number, height: number, label: string, content: SafeHtml): SafeHtml {
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="figures-chart"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="${label}"
    focusable="false"
    font-family="${FONT}"
  >
    ${content}
  </svg>`;
}

/** A legend in one row across the top, for charts of two or more series. */
export function legend(series: readonly ChartSeries[], x: number, y: number): SafeHtml {
  if (series.length < 2) return html``;
  let offset = x;
  return html`${series.map((one, index) => {
    const item = html`<rect
        x="${offset}"
        y="${y}"
        width="14"
        height="14"
        fill="${one.colour ?? colourOf(index)}"
      /><text x="${offset + 20}" y="${y + 12}" font-size="13" fill="${TEXT_COLOUR}">${one.name}</text>`;
    offset += 34 + one.name.length * 7.5;
    return item;
  })}`;
}

/** A label: `anchor` says which of its ends (or its middle) is at `x`; by default its start. */
export function text(x: number, y: number, content: string, anchor?: 'middle' | 'end'): SafeHtml {
  return html`<text
    x="${round(x)}"
    y="${round(y)}"
    font-size="12"
    fill="${TEXT_COLOUR}"
    ${anchor && html` text-anchor="${anchor}"`}
    >${content}</text
  >`;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function shorten(label: string, length: number): string {
  return label.length > length ? `${label.slice(0, length - 1).trimEnd()}…` : label;
}
