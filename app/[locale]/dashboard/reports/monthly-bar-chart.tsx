import { ScrollFrame } from "@/components/scroll-frame";

/**
 * A stacked bar chart of counts per month, drawn as server-rendered SVG (no chart library, no
 * JavaScript). The bars stretch with the page; the axis labels are HTML so they keep a readable
 * size from 360 px phones up. For assistive technology the picture is one image with a summary
 * (role="img" + aria-label), and the same figures follow in a table.
 */

/**
 * Series colours: Okabe–Ito hues darkened to at least 4.5:1 against white (WCAG 1.4.11 asks 3:1),
 * told apart by hue for the common colour-vision deficiencies; a white gap separates the stacks.
 */
export const SERIES_COLOURS = ["#0072B2", "#B35900", "#00785A", "#8B2D6B", "#4A4A4A", "#5B4FB0"] as const;

export type MonthlyBarChartMonth = {
  key: string;
  /** Under the bar, e.g. "Jan"; yearLabel below it where the year starts or changes. */
  shortLabel: string;
  yearLabel?: string;
  /** In the table, e.g. "January 2026". */
  fullLabel: string;
  /** One count per series, in the order of `series`. */
  values: number[];
};

export type MonthlyBarChartProps = {
  /** Prefix for element ids, unique on the page. */
  id: string;
  /** The image's accessible name: what the chart shows and its main figures. */
  summary: string;
  series: { key: string; label: string }[];
  months: MonthlyBarChartMonth[];
  formatNumber: (value: number) => string;
  labels: { legend: string; showTable: string; tableCaption: string; month: string; total: string };
};

/** A round step (1, 2 or 5 × 10ⁿ, at least 1) giving about four gridlines up to `max`. */
function gridStep(max: number): number {
  const rough = Math.max(max / 4, 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough)!;
  return Math.max(1, step);
}

const VIEW_HEIGHT = 100;
const SLOT = 10;
const BAR = 6;

export function MonthlyBarChart({ id, summary, series, months, formatNumber, labels }: MonthlyBarChartProps) {
  const totals = months.map((month) => month.values.reduce((sum, value) => sum + value, 0));
  const step = gridStep(Math.max(0, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const heightOf = (value: number) => (value / top) * VIEW_HEIGHT;
  const colour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length];
  const columns = { gridTemplateColumns: `repeat(${months.length}, minmax(0, 1fr))` };

  return (
    <div>
      <ul aria-label={labels.legend} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {series.map((entry, index) => (
          <li key={entry.key} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3.5 w-3.5 rounded-sm" style={{ backgroundColor: colour(index) }} />
            {entry.label}
          </li>
        ))}
      </ul>

      <div role="img" aria-label={summary} className="mt-4 flex gap-2 pt-2">
        <div className="relative w-10 shrink-0 text-right text-xs text-muted">
          <div className="relative h-56">
            {ticks.map((tick) => (
              <span key={tick} className="absolute right-0 translate-y-1/2 leading-none" style={{ bottom: `${(tick / top) * 100}%` }}>
                {formatNumber(tick)}
              </span>
            ))}
          </div>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            viewBox={`0 0 ${months.length * SLOT} ${VIEW_HEIGHT}`}
            preserveAspectRatio="none"
            className="block h-56 w-full border-b border-slate-500"
            aria-hidden="true"
            focusable="false"
          >
            {ticks.map((tick) => (
              <line key={tick} x1={0} x2={months.length * SLOT} y1={VIEW_HEIGHT - heightOf(tick)} y2={VIEW_HEIGHT - heightOf(tick)} stroke="#cbd5e1" strokeWidth={1} vectorEffect="non-scaling-stroke" />
            ))}
            {months.map((month, monthIndex) => {
              let below = 0;
              return (
                <g key={month.key}>
                  {month.values.map((value, seriesIndex) => {
                    if (value <= 0) return null;
                    const y = VIEW_HEIGHT - heightOf(below + value);
                    below += value;
                    return (
                      <rect
                        key={series[seriesIndex]?.key ?? seriesIndex}
                        x={monthIndex * SLOT + (SLOT - BAR) / 2}
                        y={y}
                        width={BAR}
                        height={heightOf(value)}
                        fill={colour(seriesIndex)}
                        stroke="#ffffff"
                        strokeWidth={1.5}
                        vectorEffect="non-scaling-stroke"
                      />
                    );
                  })}
                </g>
              );
            })}
          </svg>
          <div className="mt-1 grid text-center text-xs leading-tight text-muted" style={columns}>
            {months.map((month, index) => (
              // On phones every other month is labelled, so the labels never run into each other.
              <span key={month.key} className={index % 2 === 1 && months.length > 6 ? "max-sm:invisible" : undefined}>
                {month.shortLabel}
                {month.yearLabel ? (
                  <>
                    <br />
                    {month.yearLabel}
                  </>
                ) : null}
              </span>
            ))}
          </div>
        </div>
      </div>

      <details className="mt-4">
        <summary className="cursor-pointer text-brand-800 underline">{labels.showTable}</summary>
        <ScrollFrame className="mt-2" label={labels.tableCaption}>
          <table id={`${id}-table`} className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-medium">{labels.tableCaption}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{labels.month}</th>
                {series.map((entry) => (
                  <th key={entry.key} scope="col" className="py-2 pr-4 text-right">{entry.label}</th>
                ))}
                <th scope="col" className="py-2 text-right">{labels.total}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((month, index) => (
                <tr key={month.key} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-normal">{month.fullLabel}</th>
                  {month.values.map((value, seriesIndex) => (
                    <td key={series[seriesIndex]?.key ?? seriesIndex} className="py-2 pr-4 text-right tabular-nums">{formatNumber(value)}</td>
                  ))}
                  <td className="py-2 text-right font-semibold tabular-nums">{formatNumber(totals[index]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      </details>
    </div>
  );
}
