import { html, type SafeHtml } from '../html/html';
import { colourOf, formatNumber, legend, round, shorten, svg, text } from './chartParts';

export interface BarChartOptions {
  /** The chart's accessible name: what it shows, in a sentence. */
  label: string;
  /** Names of the parts of each bar (one series: a plain bar; several: stacked, with a legend). */
  series: readonly string[];
  /** One bar per category, top to bottom: a value per series. */
  bars: ReadonlyArray<{ label: string; values: readonly number[] }>;
  format?: (value: number) => string;
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const ROW = 28;
const RIGHT = 56;

/**
 * A horizontal bar chart as inline SVG (categories with long names: reasons, request types, articles), longest
 * first as given, each bar labelled with its name and total. Nothing in it needs script or inline styles.
 */
export function barChart(options: BarChartOptions): SafeHtml {
  const format = options.format ?? formatNumber;
  const top = options.series.length > 1 ? 34 : 8;
  const height = top + Math.max(1, options.bars.length) * ROW + 8;
  const totals = options.bars.map((bar) => bar.values.reduce((sum, value) => sum + value, 0));
  const largest = Math.max(1, ...totals);
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
  const parts: SafeHtml[] = [
    legend(
      options.series.map((name) => ({ name, values: [] })),
      LABEL_WIDTH,
      8,
    ),
  ];
  options.bars.forEach((bar, index) => {
    const y = top + index * ROW;
    parts.push(text(LABEL_WIDTH - 8, y + ROW / 2 + 4, shorten(bar.label, 32), 'end'));
    let x = LABEL_WIDTH;
    bar.values.forEach((value, seriesIndex) => {
      const width = (value / largest) * plotWidth;
      if (width > 0)
        parts.push(
          html`<rect
            x="${round(x)}"
            y="${y + 4}"
            width="${round(width)}"
            height="${ROW - 8}"
            fill="${colourOf(seriesIndex)}"
            stroke="#ffffff"
            stroke-width="1"
          />`,
        );
      x += width;
    });
    parts.push(text(x + 6, y + ROW / 2 + 4, format(totals[index] ?? 0)));
  });
  return svg(
    WIDTH,
    height,
    options.label,
    html`${parts}<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH}" y1="${top}" y2="${height - 8}" stroke="#0b0c0c" />`,
  );
}
