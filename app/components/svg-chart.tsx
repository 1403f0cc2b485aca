/**
 * A line chart drawn on the server as SVG: no chart JavaScript, scales to
 * any width through its viewBox (360 px phones included). Screen readers get
 * the title and description, and a table of the figures after the picture.
 * Series differ by dash pattern as well as colour, so they read without
 * colour vision. A gap in the data is a gap in the line, not a zero.
 */

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface SvgChartProps {
  title: string;
  description: string;
  /** One label per point (times), in the reader's language. */
  labels: string[];
  series: ChartSeries[];
  /** Shown after numbers on the axis and in the table: "%", " ms". */
  unit?: string;
  /** The axis goes at least this high (100 for percentages). */
  minMax?: number;
  text: { empty: string; figures: string; time: string };
  /** Fraction digits in the figures table. */
  digits?: number;
}

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 56, right: 12, top: 12, bottom: 34 };
// Contrast of at least 3:1 on white for graphics (WCAG 1.4.11).
const STYLES = [
  { stroke: "#115e59", dash: undefined },
  { stroke: "#9a3412", dash: "6 4" },
  { stroke: "#1e3a8a", dash: "2 3" },
];

/** A round axis maximum at or above `value`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}

const format = (value: number, digits: number) =>
  value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Runs of consecutive known points, each drawn as one polyline. */
function segments(values: (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      run.push({ index, value });
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

export function SvgChart({ title, description, labels, series, unit = "", minMax = 0, text, digits = 1 }: SvgChartProps) {
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (known.length === 0) {
    return (
      <figure className="space-y-1">
        <figcaption className="font-semibold">{title}</figcaption>
        <p className="rounded border border-dashed border-stone-400 p-4 text-stone-700">{text.empty}</p>
      </figure>
    );
  }
  const max = niceMax(Math.max(minMax, ...known));
  const count = Math.max(labels.length, ...series.map((s) => s.values.length));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (count <= 1 ? plotW / 2 : (plotW * index) / (count - 1));
  const y = (value: number) => PAD.top + plotH - (plotH * Math.min(value, max)) / max;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const xTicks = count <= 1 ? [0] : [0, Math.floor((count - 1) / 2), count - 1];

  return (
    <figure className="space-y-1">
      <figcaption className="font-semibold">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${description}`}
        className="h-auto max-w-full bg-white"
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <desc>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#d6d3d1" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={12} fill="#44403c">
              {format(tick, Number.isInteger(tick) ? 0 : 2)}
              {unit}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#57534e" strokeWidth={1} />
        {xTicks.map((index) => (
          <text
            key={index}
            x={x(index)}
            y={HEIGHT - 10}
            textAnchor={index === 0 && count > 1 ? "start" : index === count - 1 && count > 1 ? "end" : "middle"}
            fontSize={12}
            fill="#44403c"
          >
            {labels[index] ?? ""}
          </text>
        ))}
        {series.map((s, n) => {
          const style = STYLES[n % STYLES.length]!;
          return (
            <g key={s.name} data-series={s.name}>
              {segments(s.values).map((run) =>
                run.length === 1 ? (
                  <circle key={run[0]!.index} cx={x(run[0]!.index)} cy={y(run[0]!.value)} r={3} fill={style.stroke} />
                ) : (
                  <polyline
                    key={run[0]!.index}
                    points={run.map((p) => `${x(p.index).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")}
                    fill="none"
                    stroke={style.stroke}
                    strokeWidth={2}
                    strokeDasharray={style.dash}
                    strokeLinejoin="round"
                  />
                ),
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="flex flex-wrap gap-x-4 text-sm" aria-hidden="true">
          {series.map((s, n) => {
            const style = STYLES[n % STYLES.length]!;
            return (
              <li key={s.name} className="flex items-center gap-1">
                <svg width="24" height="8" viewBox="0 0 24 8" aria-hidden="true">
                  <line x1="0" x2="24" y1="4" y2="4" stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash} />
                </svg>
                {s.name}
              </li>
            );
          })}
        </ul>
      ) : null}
      <details className="text-sm">
        <summary className="link cursor-pointer">{text.figures}</summary>
        <div className="max-h-64 overflow-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3">
                  {text.time}
                </th>
                {series.map((s) => (
                  <th key={s.name} scope="col" className="pr-3">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: count }, (_, index) => index)
                .filter((index) => series.some((s) => s.values[index] != null))
                .map((index) => (
                  <tr key={index}>
                    <th scope="row" className="pr-3 font-normal">
                      {labels[index] ?? ""}
                    </th>
                    {series.map((s) => {
                      const value = s.values[index];
                      return (
                        <td key={s.name} className="pr-3 tabular-nums">
                          {value == null ? "–" : `${format(value, digits)}${unit}`}
                        </td>
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
