import type { Finding, Review } from '@architech/sim-engine';

const DOMAIN_LABELS: Record<string, string> = { compute: 'Compute', database: 'Database', storage: 'Storage (caches, queues)', network: 'Network', resilience: 'Resilience', cross_domain: 'Cross-domain', cost: 'Cost' };
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

/**
 * Findings grouped by domain, then severity (failures and warnings; passes folded into a count).
 * Clicking a finding selects its components; a mechanical remediation has an Apply button.
 */
export function FindingsList({ review, readOnly, onSelect, onApply }: { review: Review; readOnly: boolean; onSelect: (ids: string[]) => void; onApply: (f: Finding) => void }) {
  const open = review.findings.filter((f) => f.outcome !== 'pass');
  const passed = review.findings.length - open.length;
  const domains = [...new Set(open.map((f) => f.domain))];
  return (
    <div className="findings" data-testid="review-findings">
      <p className={`review-outcome ${review.outcome}`}>
        <strong>{review.outcome === 'fail' ? 'Fails' : review.outcome === 'warn' ? 'Passes with warnings' : 'Passes'}</strong>: {review.counts.fail} failing, {review.counts.warn} warnings, {passed} checks passed
        {review.simulated ? ' (backed by what-if simulations)' : ''}
      </p>
      {domains.map((domain) => (
        <section key={domain} aria-label={DOMAIN_LABELS[domain] ?? domain}>
          <h3>{DOMAIN_LABELS[domain] ?? domain}</h3>
          <ul>
            {open
              .filter((f) => f.domain === domain)
              .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
              .map((f, i) => (
                <li key={`${f.rule}-${f.components.join()}-${i}`} className={`finding ${f.outcome}`}>
                  <button className="ghost finding-head" onClick={() => onSelect(f.components)} title="Select its components on the canvas">
                    <span className={`badge ${f.outcome}`}>{f.outcome === 'fail' ? 'FAIL' : 'WARN'}</span> <span className="severity">{f.severity}</span> {f.components.join(', ')}
                  </button>
                  <p>{f.reason}</p>
                  {f.remediation && <p className="muted">Fix: {f.remediation}</p>}
                  {f.evidence
                    .filter((e) => e.kind === 'simulation')
                    .map((e, j) => (
                      <p key={j} className="muted evidence">
                        Evidence: {e.text}
                        {e.kind === 'simulation' && e.failedTraces.length > 0 ? ` — failed traces ${e.failedTraces.map((t) => t.traceId.slice(0, 8)).join(', ')}` : ''}
                      </p>
                    ))}
                  {f.fix && !readOnly && (
                    <button onClick={() => onApply(f)} aria-label={`Apply: ${f.fix.label}`}>
                      Apply: {f.fix.label}
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
