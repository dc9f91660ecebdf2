import type { Finding, Review } from '@architech/sim-engine';

const MARK = { fail: 'FAIL', warn: 'WARN', pass: 'pass' } as const;

/** A review as text: a headline, then findings grouped by domain, worst first. */
export function reviewReport(review: Review, file: string): string {
  const lines = [`Review of ${file}: ${review.outcome.toUpperCase()} — ${review.counts.fail} failing, ${review.counts.warn} warnings, ${review.counts.pass} passing${review.simulated ? ' (with what-if simulations)' : ''}`];
  const domains = [...new Set(review.findings.map((f) => f.domain))];
  for (const domain of domains) {
    lines.push('', `${domain}:`);
    for (const f of review.findings.filter((x) => x.domain === domain)) lines.push(...findingLines(f));
  }
  return `${lines.join('\n')}\n`;
}

function findingLines(f: Finding): string[] {
  const head = `  ${MARK[f.outcome]} ${f.outcome === 'pass' ? '' : `[${f.severity}] `}${f.rule}${f.components.length ? ` (${f.components.join(', ')})` : ''}: ${f.reason}`;
  if (f.outcome === 'pass') return [head];
  const lines = [head];
  if (f.remediation) lines.push(`      fix: ${f.remediation}`);
  for (const e of f.evidence) {
    if (e.kind === 'simulation') {
      const traces = e.failedTraces.length ? `; failed traces ${e.failedTraces.map((t) => t.traceId).join(', ')}` : '';
      lines.push(`      evidence: ${e.text} [${e.window.fromSec}–${e.window.toSec} s, seed ${e.run.seed}${traces}]`);
    } else if (e.kind === 'path') lines.push(`      evidence: ${e.text}: ${e.path.join(' → ')}`);
    else lines.push(`      evidence: ${e.text}: ${Object.entries(e.figures).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  return lines;
}
