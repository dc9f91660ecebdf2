import type { FaultWindowDto } from '@architech/contracts';
import { esc, num, px } from './escape';
import type { ReportSeries } from './types';

const W = 680;
const H = 190;
const PAD = { left: 56, right: 12, top: 14, bottom: 30 };

/** A "nice" upper bound and tick step for an axis from 0 to `max`. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, step: 0.25 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return { top: step * Math.ceil(max / step), step };
}

/**
 * A line chart of one series as inline SVG: the warm-up greyed, each fault window shaded and
 * labelled with its type and target, axes in simulated seconds and the series' unit.
 */
export function renderLineChart(series: ReportSeries, options: { durationSec: number; warmupSec: number; faults: readonly FaultWindowDto[]; names?: Record<string, string> }): string {
  const points = series.points.filter((p) => Number.isFinite(p.value));
  const xMax = Math.max(options.durationSec, ...points.map((p) => p.timeSec), 1);
  const { top, step } = niceScale(Math.max(0, ...points.map((p) => p.value)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (Math.min(Math.max(t, 0), xMax) / xMax) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  parts.push(`<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(series.title)}">`);
  parts.push(`<title>${esc(series.title)} (${esc(series.unit)})</title>`);
  if (options.warmupSec > 0) {
    parts.push(`<rect class="warmup" x="${px(x(0))}" y="${PAD.top}" width="${px(x(options.warmupSec) - x(0))}" height="${plotH}"><title>warm-up (not measured)</title></rect>`);
  }
  options.faults.forEach((f, i) => {
    const x0 = x(f.startSec);
    const width = Math.max(1, x(f.endSec) - x0);
    const label = `${f.type} ${options.names?.[f.target] || f.target}`;
    parts.push(`<rect class="fault" x="${px(x0)}" y="${PAD.top}" width="${px(width)}" height="${plotH}"><title>${esc(`${label}: ${num(f.startSec)}–${num(f.endSec)} s`)}</title></rect>`);
    parts.push(`<text class="fault-label" x="${px(x0 + 3)}" y="${PAD.top + 11 + (i % 3) * 11}">${esc(label)}</text>`);
  });
  for (let v = 0; v <= top + step / 2; v += step) {
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${px(y(v))}" y2="${px(y(v))}"/>`);
    parts.push(`<text class="tick" x="${PAD.left - 6}" y="${px(y(v) + 4)}" text-anchor="end">${esc(num(v, 2))}</text>`);
  }
  const xStep = niceScale(xMax, 6).step;
  for (let t = 0; t <= xMax + 1e-9; t += xStep) {
    parts.push(`<text class="tick" x="${px(x(t))}" y="${H - PAD.bottom + 14}" text-anchor="middle">${esc(num(t, 1))}</text>`);
  }
  parts.push(`<text class="axis" x="${W - PAD.right}" y="${H - 3}" text-anchor="end">simulated seconds</text>`);
  parts.push(`<text class="axis" x="4" y="${PAD.top - 3}">${esc(series.unit)}</text>`);
  if (points.length > 0) {
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(x(p.timeSec))},${px(y(p.value))}`).join('');
    parts.push(`<path class="line" d="${d}"/>`);
  } else {
    parts.push(`<text class="empty" x="${W / 2}" y="${H / 2}" text-anchor="middle">no data points</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
