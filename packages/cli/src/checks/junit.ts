import type { EvidenceDto } from '@architech/contracts';
import { describeCriterion, measured } from './check-report';

const escape = (s: string) =>
  s
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/**
 * JUnit XML, as Jenkins, GitLab, GitHub (test reporters) and Azure read it: one testsuite, one
 * testcase per requirement; a failed requirement has a <failure> with the measured values, an
 * inconclusive one is <skipped> with the reason (no CI shows a third state).
 */
export function renderJunit(evidence: readonly EvidenceDto[], suiteName: string, timestamp: string): string {
  const failures = evidence.filter((e) => e.verdict === 'failed').length;
  const skipped = evidence.filter((e) => e.verdict === 'inconclusive').length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const time = seconds(evidence.reduce((s, e) => s + e.durationMs, 0));
  const cases = evidence.map((e) => {
    const details = e.criteria.map((c) => `${describeCriterion(c.criterion)}: measured ${measured(c)} -> ${c.verdict}${c.note ? ` (${c.note})` : ''}`).join('\n');
    const body = `${details}\nseeds: ${e.seeds.join(', ')}${e.flaky ? '\nflaky: verdicts differ across seeds' : ''}${e.error ? `\n${e.error}` : ''}`;
    const head = `    <testcase name="${escape(`${e.requirementId}: ${e.statement}`)}" classname="architech.checks" time="${seconds(e.durationMs)}">`;
    if (e.verdict === 'failed') {
      const failed = e.criteria.filter((c) => c.verdict === 'fail').map((c) => `${describeCriterion(c.criterion)} (measured ${measured(c)})`);
      return `${head}\n      <failure type="requirement_failed" message="${escape(failed.join('; ') || e.error || 'failed')}">${escape(body)}</failure>\n    </testcase>`;
    }
    if (e.verdict === 'inconclusive') return `${head}\n      <skipped message="${escape('inconclusive: the 95% interval straddles a threshold; add replications')}">${escape(body)}</skipped>\n    </testcase>`;
    return `${head}\n      <system-out>${escape(body)}</system-out>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="architech check" tests="${evidence.length}" failures="${failures}" errors="0" time="${time}">`,
    `  <testsuite name="${escape(suiteName)}" tests="${evidence.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${escape(timestamp)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
