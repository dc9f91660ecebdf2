import type { ConnectionSpec } from '../flat-design';
import type { Finding, RuleInfo, Severity } from '../finding';
import { fmt, passFinding, type ReviewContext, type Rule } from '../context';
import { expectedArrivalRates, isStation } from '../traffic';

const info: RuleInfo = {
  id: 'single-point-of-failure',
  domain: 'resilience',
  title: 'Single point of failure',
  why: 'A component with one replica that client requests need (through required calls, with no other route) takes that share of traffic down with it when it crashes, is redeployed or is partitioned. The blast radius — the share of client traffic that depends on it — sets the severity.',
  reference: 'AWS Well-Architected, Reliability pillar, REL10 "Use fault isolation to protect your workload" and REL11 "Design your workload to withstand component failures"',
};

/** Severity of a dependency by its blast radius (share of client traffic, 0–1). */
export function blastSeverity(share: number): Severity {
  if (share >= 0.99) return 'critical';
  if (share >= 0.5) return 'high';
  if (share >= 0.1) return 'medium';
  return 'low';
}

/**
 * Blast radius of each component: the share of client traffic that reaches it through required
 * calls only (traffic equations on the required connections ÷ the clients' total rate, at most 1),
 * and the share that reaches it at all.
 */
export function blastRadius(ctx: ReviewContext): { required: Map<string, number>; any: Map<string, number> } {
  const total = ctx.clientBase || 1;
  const required = expectedArrivalRates(ctx.design, 'base', (c: ConnectionSpec) => !c.properties.optional);
  const share = (rates: Map<string, number>) => new Map([...rates].map(([id, r]) => [id, Math.min(1, r / total)]));
  return { required: share(required), any: share(ctx.base) };
}

/**
 * Whether the calls into a component have another route: every caller is a load balancer with
 * another target and a retry policy (callers retry through it, and it picks again).
 */
function hasAlternativeRoute(ctx: ReviewContext, id: string): boolean {
  const callers = ctx.graph.upstream(id);
  return (
    callers.length > 0 &&
    callers.every((c) => {
      const lb = ctx.graph.component(c.source);
      return lb.type === 'LOAD_BALANCER' && lb.properties.retry !== undefined && lb.properties.retry.maxAttempts > 1 && ctx.graph.downstream(lb.id).length > 1;
    })
  );
}

export const singlePointOfFailure: Rule = {
  info,
  check(ctx: ReviewContext): Finding[] {
    const radius = blastRadius(ctx);
    const findings: Finding[] = [];
    for (const c of ctx.design.components) {
      if (!isStation(c)) continue;
      const p = c.properties;
      // A serverless station starts as many instances as calls need (up to maxConcurrency): no single one to lose.
      if (p.serverless) continue;
      const replicas = p.autoscaling ? p.autoscaling.minReplicas : (p.replicas ?? 1);
      const reach = radius.any.get(c.id) ?? 0;
      if (replicas > 1 || reach === 0) continue;
      const required = radius.required.get(c.id) ?? 0;
      const alternative = hasAlternativeRoute(ctx, c.id);
      const blocking = required > 0 && !alternative;
      const fixProps = p.autoscaling ? { autoscaling: { ...p.autoscaling, minReplicas: 2, maxReplicas: Math.max(2, p.autoscaling.maxReplicas) } } : { replicas: 2 };
      findings.push({
        rule: info.id,
        domain: info.domain,
        outcome: blocking ? 'fail' : 'warn',
        severity: blocking ? blastSeverity(required) : 'low',
        components: [c.id],
        reason: blocking
          ? `${ctx.graph.label(c.id)} has one replica and ${fmt(required * 100, 1)}% of client traffic depends on it through required calls: a crash fails that share.`
          : `${ctx.graph.label(c.id)} has one replica; ${fmt(reach * 100, 1)}% of client traffic reaches it, ${alternative ? 'but callers can retry another backend through the load balancer' : 'only through optional calls (a fallback covers it)'}.`,
        remediation: `Run at least 2 replicas of ${c.id}${p.autoscaling ? ' (autoscaling minReplicas: 2)' : ''}.`,
        fix: { label: `${c.id}: 2 replicas`, changes: [{ componentId: c.id, properties: fixProps }] },
        evidence: [{ kind: 'figures', text: 'blast radius: share of client traffic depending on it', figures: { replicas, blastRadiusRequired: +required.toFixed(4), blastRadiusAny: +reach.toFixed(4) } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(info, 'Every component that client traffic reaches has more than one replica.')];
  },
};
