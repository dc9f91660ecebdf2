import { esc, num } from './escape';
import { chartsSection, configurationSection, findingsSection, headlineSection, tracesSection, verdictSection } from './sections';
import { REPORT_CSS } from './style';
import type { RunReportInput } from './types';

/** The reproducibility block: what ran, with which engine, and the command (and files) that run it again. */
function reproducibilitySection(r: RunReportInput): string {
  const d = r.design;
  const rows: [string, string][] = [
    ['Design', d.name],
    ...(d.versionId ? ([['Design version', `${d.version !== undefined ? `v${d.version} · ` : ''}${d.versionId}`]] as [string, string][]) : []),
    ['Content hash', d.contentHash],
    ['Size', `${d.components} components, ${d.connections} connections`],
    ['Engine version', r.engineVersion],
    ['Seed', `${r.config.seed} (replication i uses the seed's stream i)`],
    ...(r.runId ? ([['Run', r.runId]] as [string, string][]) : []),
  ];
  const files = r.reproduce.files
    .map((f) => `<details><summary>${esc(f.name)} (${esc(num(f.json.length, 0))} characters)</summary><pre><code>${esc(f.json)}</code></pre></details>`)
    .join('');
  return `<h2>Reproducibility</h2>
<table><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td><code>${esc(v)}</code></td></tr>`).join('')}</tbody></table>
<p>Save the files below and run:</p>
<pre><code>${esc(r.reproduce.command)}</code></pre>
${r.reproduce.note ? `<p class="note">${esc(r.reproduce.note)}</p>` : ''}
<p class="note">The same design, configuration, seed and engine version give the same figures.</p>
${files}`;
}

/**
 * The run report as one self-contained HTML document: inline CSS, charts and waterfalls as inline
 * SVG, no script, no image, no font and no link to anything outside the file (docs/reports.md).
 * Pure: the same input gives the same bytes.
 */
export function renderRunReportHtml(r: RunReportInput): string {
  const title = `Run report — ${r.design.name}`;
  const when = [r.finishedAt ? `finished ${r.finishedAt}` : undefined, `generated ${r.generatedAt}`].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style></head>
<body><main>
<h1>${esc(title)}</h1>
<p class="meta">${esc(r.status)}${r.runId ? ` · run ${esc(r.runId)}` : ''} · ${esc(when)}</p>
${verdictSection(r)}
${headlineSection(r)}
${configurationSection(r)}
${chartsSection(r)}
${findingsSection(r)}
${tracesSection(r)}
${reproducibilitySection(r)}
<p class="note">Made by Architech, engine ${esc(r.engineVersion)}. Simulated figures: a model of the design, not measurements of a real system.</p>
</main></body></html>
`;
}
