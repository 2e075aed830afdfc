import { html, type SafeHtml } from '../html/html';
import {
  type ChartSeries,
  colourOf,
  formatNumber,
  GRID_COLOUR,
  legend,
  niceScale,
  round,
  svg,
  text,
} from './chartParts';

export interface ColumnChartOptions {
  /** The chart's accessible name: what it shows, in a sentence (screen readers read this, not the drawing). */
  label: string;
  /** One per column group, left to right (periods, oldest first). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Series stacked in one column (parts of a whole) rather than side by side. */
  stacked?: boolean;
  /** A fixed top of the scale (1 for shares, 5 for ratings); otherwise it fits the data. */
  max?: number;
  /** The gap between gridlines with a fixed `max` (default a quarter of it). */
  step?: number;
  /** Values are fractions (shares, averages), not whole numbers. */
  fractions?: boolean;
  format?: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 280;
const LEFT = 56;
const RIGHT = 12;
const BOTTOM = 30;

/**
 * A column chart as inline SVG, drawn on the server: one column (or group, or stack) per category, a scale with
 * gridlines, category labels (thinned out when there are many), the values above single columns when there is
 * room, and a legend for several series. Nothing in it needs script or inline styles.
 */
export function columnChart(options: ColumnChartOptions): SafeHtml {
  const format = options.format ?? formatNumber;
  const { categories, series } = options;
  const top = series.length > 1 ? 36 : 16;
  const plotHeight = HEIGHT - top - BOTTOM;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const totals = categories.map((_, index) =>
    options.stacked
      ? series.reduce((sum, one) => sum + (one.values[index] ?? 0), 0)
      : Math.max(0, ...series.map((one) => one.values[index] ?? 0)),
  );
  const scale = options.max
    ? { max: options.max, step: options.step ?? options.max / 4 }
    : niceScale(Math.max(0, ...totals), options.fractions);
  const y = (value: number) => top + plotHeight - (Math.min(value, scale.max) / scale.max) * plotHeight;

  const parts: SafeHtml[] = [legend(series, LEFT, 8)];
  for (let tick = 0; tick <= scale.max + 1e-9; tick += scale.step) {
    const at = round(y(tick));
    parts.push(html`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}" stroke="${GRID_COLOUR}" />`);
    parts.push(text(LEFT - 6, at + 4, format(tick), 'end'));
  }

  const slot = plotWidth / Math.max(1, categories.length);
  const groupWidth = slot * 0.7;
  const barWidth = options.stacked ? groupWidth : groupWidth / Math.max(1, series.length);
  const labelEvery = Math.ceil(categories.length / Math.floor(plotWidth / 70));
  const valueLabels = !options.stacked && categories.length * series.length <= 16;
  categories.forEach((category, index) => {
    const groupLeft = LEFT + index * slot + (slot - groupWidth) / 2;
    let base = 0;
    series.forEach((one, seriesIndex) => {
      const value = one.values[index];
      if (value === null || value === undefined) return;
      const x = options.stacked ? groupLeft : groupLeft + seriesIndex * barWidth;
      const from = options.stacked ? base : 0;
      const yTop = y(from + value);
      const height = y(from) - yTop;
      if (height > 0) {
        parts.push(
          html`<rect
            x="${round(x)}"
            y="${round(yTop)}"
            width="${round(barWidth)}"
            height="${round(height)}"
            fill="${one.colour ?? colourOf(seriesIndex)}"
            stroke="#ffffff"
            stroke-width="1"
          />`,
        );
      }
      if (valueLabels) parts.push(text(x + barWidth / 2, yTop - 4, format(value), 'middle'));
      base += value;
    });
    if (index % labelEvery === 0)
      parts.push(text(LEFT + index * slot + slot / 2, HEIGHT - BOTTOM + 18, category, 'middle'));
  });
  return svg(
    WIDTH,
    HEIGHT,
    options.label,
    html`${parts}<line
        x1="${LEFT}"
        x2="${WIDTH - RIGHT}"
        y1="${top + plotHeight}"
        y2="${top + plotHeight}"
        stroke="#0b0c0c"
      />`,
  );
}
