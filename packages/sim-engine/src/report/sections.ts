import { describeCondition, evaluateHypothesis, formatHypothesisValue, type ComponentSummaryDto, type FaultWindowDto, type SimulationSummaryDto } from '@architech/contracts';
import { esc, num, pct } from './escape';
import { renderLineChart } from './svg-chart';
import { renderWaterfall } from './svg-waterfall';
import type { RunReportInput } from './types';

/** `Name (id)` when the element has a name of its own, else its id. */
function named(id: string, names: Record<string, string> | undefined): string {
  const name = names?.[id];
  return name && name !== id ? `${name} (${id})` : id;
}

/** A figure and, with replications, its 95% confidence half-width. */
function withCi(value: number, half: number | undefined, format: (v: number) => string): string {
  const ci = half !== undefined && Number.isFinite(half) ? ` <span class="ci">± ${esc(format(half))}</span>` : '';
  return `${esc(format(value))}${ci}`;
}

/** The verdict: the steady-state hypothesis checked against the summary, or the run's status when there is none. */
export function verdictSection(r: RunReportInput): string {
  const hypothesis = r.config.hypothesis ?? [];
  if (r.status !== 'COMPLETED') {
    return `<div class="verdict fail"><strong>Verdict: the run did not complete (${esc(r.status)}).</strong></div>`;
  }
  if (hypothesis.length === 0) {
    return `<div class="verdict none"><strong>No hypothesis.</strong> The run completed; no steady-state hypothesis was set, so there is nothing to pass or fail. The figures below are what it measured.</div>`;
  }
  const { holds, outcomes } = evaluateHypothesis(hypothesis, r.summary);
  const rows = outcomes
    .map((o) => `<tr><td>${esc(describeCondition(o.condition))}</td><td class="n">${esc(formatHypothesisValue(o.condition.metric, o.actual))}</td><td class="${o.holds ? 'holds' : 'breaks'}">${o.holds ? 'holds' : 'does not hold'}</td></tr>`)
    .join('');
  const headline = holds ? 'Verdict: the hypothesis holds.' : `Verdict: the hypothesis does not hold (${outcomes.filter((o) => !o.holds).length} of ${outcomes.length} conditions broken).`;
  return `<div class="verdict ${holds ? 'pass' : 'fail'}"><strong>${esc(headline)}</strong>
<table><thead><tr><th>Hypothesis condition</th><th class="n">Measured</th><th>Outcome</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Headline end-to-end numbers, with confidence intervals when the run had replications. */
export function headlineSection(r: RunReportInput): string {
  const e = r.summary.endToEnd;
  const c = r.ci95?.endToEnd;
  const ms = (v: number) => `${num(v, 1)} ms`;
  const rows: [string, string][] = [
    ['Requests (measured window)', withCi(e.requests, c?.requests, (v) => num(v, 0))],
    ['Throughput', withCi(e.throughput, c?.throughput, (v) => `${num(v, 2)} req/s`)],
    ['Error rate', withCi(e.errorRate, c?.errorRate, (v) => pct(v, 2))],
    ['Latency mean', withCi(e.latency.mean, c?.latency.mean, ms)],
    ['Latency p50', withCi(e.latency.p50, c?.latency.p50, ms)],
    ['Latency p95', withCi(e.latency.p95, c?.latency.p95, ms)],
    ['Latency p99', withCi(e.latency.p99, c?.latency.p99, ms)],
    ['Latency max', withCi(e.latency.max, c?.latency.max, ms)],
  ];
  const ciNote = r.ci95
    ? `± values are 95% confidence half-widths over ${r.replications} replications (Student t).`
    : 'One replication: no confidence intervals (run with more replications to get them).';
  return `<h2>Headline numbers</h2>
<table><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td class="n">${v}</td></tr>`).join('')}</tbody></table>
<p class="note">${esc(ciNote)} After a warm-up of ${esc(num(r.settings.warmupSec, 1))} s${r.settings.warmupMode === 'auto' ? ' (detected)' : ''}.</p>
${componentTable(r.summary, r.ci95, r.names)}`;
}

function componentTable(summary: SimulationSummaryDto, ci95: SimulationSummaryDto | undefined, names: Record<string, string> | undefined): string {
  const entries = Object.entries(summary.components);
  if (entries.length === 0) return '';
  const row = ([id, c]: [string, ComponentSummaryDto]) => {
    const h = ci95?.components[id];
    return `<tr><td>${esc(named(id, names))}</td><td>${esc(c.type)}</td><td class="n">${withCi(c.throughput, h?.throughput, (v) => num(v, 2))}</td><td class="n">${esc(pct(c.utilization, 1))}</td><td class="n">${esc(num(c.errors, 0))}</td><td class="n">${esc(num(c.drops + c.timeouts + c.rejected, 0))}</td><td class="n">${withCi(c.latency.p99, h?.latency.p99, (v) => num(v, 1))}</td></tr>`;
  };
  return `<h3>Per component</h3>
<table><thead><tr><th>Component</th><th>Type</th><th class="n">Throughput /s</th><th class="n">Utilization</th><th class="n">Errors</th><th class="n">Dropped, timed out, rejected</th><th class="n">p99 ms</th></tr></thead><tbody>${entries.map(row).join('')}</tbody></table>`;
}

function faultParams(f: FaultWindowDto): string {
  return Object.entries(f.params).map(([k, v]) => `${k} ${num(v, 3)}`).join(', ') || '—';
}

/** The run's configuration and the faults as they happened. */
export function configurationSection(r: RunReportInput): string {
  const c = r.config;
  const rows: [string, string][] = [
    ['Duration', `${num(c.durationSec, 1)} s simulated`],
    ['Warm-up', c.warmupSec === 'auto' ? `auto (detected ${num(r.settings.warmupSec, 1)} s)` : `${num(c.warmupSec, 1)} s`],
    ['Seed', String(c.seed)],
    ['Replications', c.targetRelError !== undefined ? `${r.replications} (stopping rule: relative error ${num(c.targetRelError * 100, 2)}%, at most ${c.maxReplications})` : String(r.replications)],
    ['Load multiplier', c.workload ? `× ${num(c.workload.rateMultiplier, 3)}` : '× 1'],
    ['Trace sampling', `${pct(c.tracing.sampleRate, 2)} (errors and the ${c.tracing.slowest} slowest always kept)`],
    ['Series bucket', `${num(r.settings.bucketSec, 3)} s`],
    ['Events processed', num(r.events, 0)],
    ['Engine wall time', `${num(r.wallMs / 1000, 2)} s`],
  ];
  const faults = r.faults.length
    ? `<table><thead><tr><th>Fault</th><th>Target</th><th class="n">From s</th><th class="n">To s</th><th>Parameters</th></tr></thead><tbody>${r.faults
        .map((f) => `<tr><td>${esc(f.type)}</td><td>${esc(named(f.target, r.names))}</td><td class="n">${esc(num(f.startSec, 1))}</td><td class="n">${esc(num(f.endSec, 1))}</td><td>${esc(faultParams(f))}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="note">No faults were injected.</p>';
  return `<h2>Configuration and faults</h2>
<table><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>
<h3>Faults</h3>${faults}`;
}

/** The key end-to-end charts, fault windows shaded. */
export function chartsSection(r: RunReportInput): string {
  const body = r.series.length
    ? r.series.map((s) => `<figure class="keep"><h3>${esc(s.title)}</h3>${renderLineChart(s, { durationSec: r.config.durationSec, warmupSec: r.settings.warmupSec, faults: r.faults, names: r.names })}</figure>`).join('')
    : '';
  const note = r.seriesNote ? `<p class="note">${esc(r.seriesNote)}</p>` : '';
  const legend = r.series.length ? '<p class="note">Shaded in orange: fault windows; in grey: the warm-up, not measured.</p>' : '';
  return `<h2>Key charts</h2>${note}${legend}${body}`;
}

/** Review findings (warnings and failures) of the design version, if it was reviewed. */
export function findingsSection(r: RunReportInput): string {
  if (!r.findings) return r.reviewNote ? `<h2>Review findings</h2><p class="note">${esc(r.reviewNote)}</p>` : '';
  const items = r.findings
    .map((f) => `<div class="finding ${f.outcome}"><strong>${esc(f.outcome.toUpperCase())} · ${esc(f.severity)} · ${esc(f.rule)}</strong>${f.components.length ? ` <span class="ci">(${esc(f.components.join(', '))})</span>` : ''}<br>${esc(f.reason)}${f.remediation ? `<br><em>Remediation:</em> ${esc(f.remediation)}` : ''}</div>`)
    .join('');
  const note = r.reviewNote ? `<p class="note">${esc(r.reviewNote)}</p>` : '';
  return `<h2>Review findings</h2>${note}${items || '<p class="note">The review found nothing to warn about.</p>'}`;
}

/** The slowest and the failed kept traces as small waterfalls. */
export function tracesSection(r: RunReportInput): string {
  const one = (t: RunReportInput['slowest'][number]) =>
    `<figure class="keep"><h3><code>${esc(t.traceId.slice(0, 16))}</code> · ${esc(t.rootComponentId)} · ${esc(num(t.durationMs, 1))} ms · ${esc(t.status)} · at ${esc(num(t.startMs / 1000, 2))} s</h3>${renderWaterfall(t)}</figure>`;
  const slow = r.slowest.length ? r.slowest.map(one).join('') : '<p class="note">No kept traces.</p>';
  const failed = r.failed.length ? r.failed.map(one).join('') : '<p class="note">No failed request was kept: none failed, or none was sampled.</p>';
  const note = r.tracesNote ? `<p class="note">${esc(r.tracesNote)}</p>` : '';
  return `<h2>Traces</h2>${note}<h3>Slowest</h3>${slow}<h3>Failed</h3>${failed}`;
}
