import type { CheckRunDto, Criterion, CriterionEvidenceDto, EvidenceDto } from '@architech/contracts';
import { esc, num } from './escape';
import { REPORT_CSS } from './style';

/** What a check-run report shows: the run with its evidence, the design version, and the caller's clock. */
export interface CheckReportInput {
  checkRun: CheckRunDto;
  designName: string;
  /** `sha256:…` of the version's components and connections. */
  designHash: string;
  /** The design's components and connections as JSON (`design.json` of the reproduce command). */
  designJson: string;
  generatedAt: string;
}

const VERDICT_CLASS: Record<string, string> = { passed: 'pass', failed: 'fail', inconclusive: 'none', pass: 'holds', fail: 'breaks' };

function describeCriterion(c: Criterion): string {
  const window = c.window === undefined ? '' : typeof c.window === 'string' ? ` (${c.window} window)` : ` (${num(c.window.fromSec)}–${num(c.window.toSec)} s)`;
  return `${c.metric}${c.component ? ` of ${c.component}` : ''} ${c.op} ${num(c.value, 4)}${window}`;
}

function criterionRow(c: CriterionEvidenceDto): string {
  const measured = c.mean === null ? '–' : `${num(c.mean, 3)}${c.halfWidth !== null ? ` <span class="ci">± ${esc(num(c.halfWidth, 3))}</span>` : ''}`;
  const seeds = c.perSeed.map((ok) => (ok ? '✓' : '✗')).join(' ');
  return `<tr><td>${esc(describeCriterion(c.criterion))}</td><td class="n">${measured}</td><td class="${VERDICT_CLASS[c.verdict] ?? ''}">${esc(c.verdict)}</td><td><code>${esc(seeds)}</code></td><td>${esc(c.note ?? (c.replicationsNeeded ? `about ${c.replicationsNeeded} replications would decide it` : ''))}</td></tr>`;
}

function requirementSection(e: EvidenceDto): string {
  const cls = VERDICT_CLASS[e.verdict] ?? 'none';
  return `<div class="verdict ${cls} keep"><strong>${esc(e.requirementId)} — ${esc(e.verdict.toUpperCase())}${e.flaky ? ' (flaky: seeds disagree)' : ''}</strong><br>${esc(e.statement)}${e.tags.length ? ` <span class="ci">${esc(e.tags.map((t) => `#${t}`).join(' '))}</span>` : ''}
${e.error ? `<p class="breaks">${esc(e.error)}</p>` : ''}
<table><thead><tr><th>Criterion</th><th class="n">Mean ± 95% CI</th><th>Verdict</th><th>Per seed</th><th>Note</th></tr></thead><tbody>${e.criteria.map(criterionRow).join('')}</tbody></table>
<p class="note">${esc(`${e.configuration.durationSec} s × ${e.seeds.length} replications, seeds ${e.seeds.join(', ')}; ${e.configuration.faults.length} fault(s); engine ${e.engineVersion}; ${num(e.durationMs / 1000, 1)} s to check`)}</p></div>`;
}

/**
 * The check-run report: the overall verdict, each requirement with its criteria (mean, 95% CI,
 * verdict, outcome per seed), and the reproducibility block — design version and content hash,
 * engine version, seeds and the `architech check` command with its two files embedded. Same
 * stylesheet and the same guarantees as the run report: self-contained, no script, no URL.
 */
export function renderCheckReportHtml(input: CheckReportInput): string {
  const run = input.checkRun;
  const counts = { passed: 0, failed: 0, inconclusive: 0 };
  for (const e of run.evidence) counts[e.verdict]++;
  const checksJson = JSON.stringify(
    { requirements: run.evidence.map((e) => ({ id: e.requirementId, statement: e.statement, tags: e.tags, scenario: e.configuration, criteria: e.criteria.map((c) => c.criterion) })) },
    null,
    2,
  );
  const engines = [...new Set(run.evidence.map((e) => e.engineVersion))].join(', ') || '–';
  const title = `Check report — ${input.designName} v${run.designVersion}`;
  const verdict = run.verdict ?? (run.status === 'RUNNING' ? 'running' : 'failed');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style></head>
<body><main>
<h1>${esc(title)}</h1>
<p class="meta">check run ${esc(run.id)} · ${esc(run.status)}${run.finishedAt ? ` · finished ${esc(run.finishedAt)}` : ''} · generated ${esc(input.generatedAt)}</p>
<div class="verdict ${VERDICT_CLASS[verdict] ?? 'none'}"><strong>Verdict: ${esc(verdict)}.</strong> ${esc(`${counts.passed} passed, ${counts.failed} failed, ${counts.inconclusive} inconclusive of ${run.total} requirements.`)}${run.error ? `<br>${esc(run.error)}` : ''}</div>
<h2>Requirements</h2>
${run.evidence.map(requirementSection).join('\n') || '<p class="note">No evidence was recorded.</p>'}
<h2>Reproducibility</h2>
<table><tbody>
<tr><th>Design</th><td><code>${esc(`${input.designName} · v${run.designVersion} · ${run.designId}`)}</code></td></tr>
<tr><th>Content hash</th><td><code>${esc(input.designHash)}</code></td></tr>
<tr><th>Engine version</th><td><code>${esc(engines)}</code></td></tr>
</tbody></table>
<p>Save the files below and run:</p>
<pre><code>architech check design.json checks.json</code></pre>
<p class="note">Each requirement runs its own scenario with the seeds listed above; the same design, scenarios, seeds and engine version give the same verdicts.</p>
<details><summary>design.json</summary><pre><code>${esc(input.designJson)}</code></pre></details>
<details><summary>checks.json</summary><pre><code>${esc(checksJson)}</code></pre></details>
<p class="note">Made by Architech. Simulated figures: a model of the design, not measurements of a real system.</p>
</main></body></html>
`;
}
