/**
 * Geometry of the weekly line charts, drawn as SVG on the server (decision 0025): points, axis ticks and
 * a path per series. Kept out of the .astro template, whose compiler mistakes `<` for markup.
 */
export interface ChartSeries {
  label: string;
  counts: readonly number[];
}

export interface ChartLine {
  label: string;
  path: string;
  points: Array<{ x: number; y: number; value: number }>;
  /** Index into the palette: colour and dash pattern, so lines differ without colour too. */
  style: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: Array<{ y: number; value: number }>;
  xTicks: Array<{ x: number; label: string }>;
  lines: ChartLine[];
}

export const chartPalette = 6;
const width = 720;
const height = 260;
const plot = { left: 48, top: 12, right: width - 12, bottom: height - 36 };

/** A round step for about five ticks: 1, 2 or 5 times a power of ten. */
function step(max: number): number {
  const raw = Math.max(1, max) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function chartGeometry(weeks: readonly string[], series: readonly ChartSeries[]): ChartGeometry {
  const max = Math.max(1, ...series.flatMap((s) => s.counts));
  const unit = step(max);
  const top = Math.ceil(max / unit) * unit;
  const x = (i: number) => plot.left + (weeks.length > 1 ? (i * (plot.right - plot.left)) / (weeks.length - 1) : (plot.right - plot.left) / 2);
  const y = (v: number) => plot.bottom - (v / top) * (plot.bottom - plot.top);
  const yTicks = Array.from({ length: Math.round(top / unit) + 1 }, (_, i) => ({ y: y(i * unit), value: i * unit }));
  const every = Math.max(1, Math.ceil(weeks.length / 8));
  const xTicks = weeks.flatMap((w, i) => (i % every === 0 ? [{ x: x(i), label: shortDay.format(new Date(`${w}T00:00:00Z`)) }] : []));
  const lines = series.map((s, n) => {
    const points = s.counts.map((value, i) => ({ x: Math.round(x(i) * 10) / 10, y: Math.round(y(value) * 10) / 10, value }));
    return { label: s.label, points, style: n % chartPalette, path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' ') };
  });
  return { width, height, plot, yTicks, xTicks, lines };
}
