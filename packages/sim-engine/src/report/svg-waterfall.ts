import type { SpanDto, TraceDto } from '@architech/contracts';
import { esc, num, px } from './escape';

/** Spans drawn per waterfall; a longer trace says how many were left out. */
export const MAX_WATERFALL_SPANS = 40;
const W = 680;
const LABEL_W = 210;
const ROW = 16;

/** Depth of each span in its trace (root 0), so rows indent like a call tree. */
function depths(spans: readonly SpanDto[]): Map<string, number> {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const out = new Map<string, number>();
  const depthOf = (s: SpanDto, guard = 0): number => {
    const known = out.get(s.spanId);
    if (known !== undefined) return known;
    const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
    const d = parent && guard < 64 ? depthOf(parent, guard + 1) + 1 : 0;
    out.set(s.spanId, d);
    return d;
  };
  for (const s of spans) depthOf(s);
  return out;
}

/** A trace as a small waterfall (inline SVG): one row per span, bars on the trace's time axis, errors in red. */
export function renderWaterfall(trace: TraceDto): string {
  const depth = depths(trace.spans);
  // Parents before the children they enclose: by start, then depth, then the longer first.
  const spans = [...trace.spans].sort((a, b) => a.startMs - b.startMs || (depth.get(a.spanId) ?? 0) - (depth.get(b.spanId) ?? 0) || b.endMs - a.endMs).slice(0, MAX_WATERFALL_SPANS);
  const t0 = Math.min(trace.startMs, ...spans.map((s) => s.startMs));
  const t1 = Math.max(trace.startMs + trace.durationMs, ...spans.map((s) => s.endMs));
  const span = Math.max(t1 - t0, 1e-6);
  const plotW = W - LABEL_W - 60;
  const height = spans.length * ROW + 22;
  const parts = [`<svg viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="trace ${esc(trace.traceId)}">`];
  spans.forEach((s, i) => {
    const yTop = i * ROW + 2;
    const x0 = LABEL_W + ((s.startMs - t0) / span) * plotW;
    const w = Math.max(1.5, (s.durationMs / span) * plotW);
    const cls = s.status.code === 'ERROR' ? 'bar err' : s.status.code === 'UNSET' ? 'bar unset' : 'bar';
    const indent = Math.min(depth.get(s.spanId) ?? 0, 8) * 8;
    const label = `${s.componentId} · ${s.name}`;
    const why = s.status.message ? ` — ${s.status.message}` : '';
    parts.push(`<text class="span-label" x="${4 + indent}" y="${yTop + 11}">${esc(label.length > 30 ? `${label.slice(0, 29)}…` : label)}</text>`);
    parts.push(`<rect class="${cls}" x="${px(x0)}" y="${yTop + 2}" width="${px(w)}" height="${ROW - 5}"><title>${esc(`${label}: ${num(s.durationMs, 2)} ms (${s.status.code})${why}`)}</title></rect>`);
    parts.push(`<text class="tick" x="${px(Math.min(x0 + w + 4, W - 56))}" y="${yTop + 11}">${esc(num(s.durationMs, 1))} ms</text>`);
  });
  const axisY = spans.length * ROW + 16;
  parts.push(`<text class="tick" x="${LABEL_W}" y="${axisY}">0 ms</text>`);
  parts.push(`<text class="tick" x="${LABEL_W + plotW}" y="${axisY}" text-anchor="end">${esc(num(span, 1))} ms</text>`);
  parts.push('</svg>');
  const more = trace.spans.length > spans.length ? `<p class="note">${trace.spans.length - spans.length} more spans not drawn.</p>` : '';
  return parts.join('') + more;
}
