import type { RequirementVerdict } from '@architech/contracts';

const TEXT: Record<RequirementVerdict | 'unchecked', string> = { passed: 'passed', failed: 'failed', inconclusive: 'inconclusive', unchecked: 'not checked' };

/** A verdict as a coloured badge: passed, failed, inconclusive or not checked. */
export function VerdictBadge({ verdict, label }: { verdict: RequirementVerdict | 'unchecked'; label?: string }) {
  return (
    <span className={`badge verdict verdict-${verdict}`} title={label}>
      {label ? `${label}: ` : ''}
      {TEXT[verdict]}
    </span>
  );
}
