import type { ComponentSpec } from '../flat-design';
import type { Finding, RuleInfo } from '../finding';
import { concurrencyForRho, fmt, MAX_REPLICAS, passFinding, stationDomain, type ReviewContext, type Rule } from '../context';

/** Offered load at or above which a station is flagged (medium): little headroom for bursts. */
export const RHO_WARN = 0.8;
/** Utilisation a capacity remediation sizes for. */
export const RHO_TARGET = 0.7;

const capacityInfo: RuleInfo = {
  id: 'capacity',
  domain: 'compute',
  title: 'Offered load per station (ρ)',
  why: 'With ρ = λ·E[S]/(replicas × workers) ≥ 1 a queue grows without bound and latency diverges; above about 0.8 waiting time rises steeply (M/M/c: the mean wait grows like 1/(1 − ρ)), so bursts and peaks of the arrival profile push the station over. Checked at the design\'s base load and at the peak of its arrival profiles; blocking calls hold a worker for the downstream round trip too.',
  reference: 'Queueing theory: stability condition ρ < 1 and the Erlang C formula (Kleinrock, Queueing Systems vol. 1); AWS Well-Architected, Performance Efficiency pillar, PERF02 "Select and use compute resources"',
};

const autoscalingInfo: RuleInfo = {
  id: 'autoscaling-ceiling',
  domain: 'compute',
  title: 'Autoscaling ceiling below the peak',
  why: 'Autoscaling can only add replicas up to maxReplicas. If maxReplicas × workers cannot carry the peak arrival rate at the target utilisation, the scaler tops out and the station saturates exactly when traffic is highest.',
  reference: 'Kubernetes Horizontal Pod Autoscaler algorithm (desiredReplicas = ceil(current × utilisation / target)); AWS Well-Architected, Reliability pillar, REL07 "Design your workload to adapt to changes in demand"',
};

/** Replicas that bring a station to `rho` at the rate λ (per second). */
export function replicasForRho(ctx: ReviewContext, c: ComponentSpec, lambda: number, rho: number): number {
  const needed = Math.ceil((lambda * (ctx.holdingMs(c) / 1000)) / ((c.properties.workers ?? 1) * rho) - 1e-9);
  return Math.min(MAX_REPLICAS, Math.max(1, needed));
}

export const capacity: Rule = {
  info: capacityInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.stations()) {
      const servers = ctx.servers(c);
      const holdSec = ctx.holdingMs(c) / 1000;
      const base = ctx.base.get(c.id) ?? 0;
      const peak = ctx.peak.get(c.id) ?? 0;
      const rhoBase = (base * holdSec) / servers;
      const rhoPeak = (peak * holdSec) / servers;
      const rho = Math.max(rhoBase, rhoPeak);
      if (rho < RHO_WARN) continue;
      const atPeak = rhoPeak > rhoBase + 1e-12;
      const serverless = c.properties.serverless;
      const replicas = replicasForRho(ctx, c, Math.max(base, peak), RHO_TARGET);
      const concurrency = serverless ? concurrencyForRho(ctx, c, Math.max(base, peak), RHO_TARGET) : 0;
      // A serverless station has no replicas: its capacity is the calls in flight it allows.
      const scaleTo = serverless ? `serverless.maxConcurrency ${concurrency}` : `${replicas} replicas${c.properties.autoscaling ? ' (autoscaling maxReplicas)' : ''}`;
      const fixProps = serverless
        ? { serverless: { ...serverless, maxConcurrency: concurrency } }
        : c.properties.autoscaling
        ? { autoscaling: { ...c.properties.autoscaling, maxReplicas: Math.max(replicas, c.properties.autoscaling.minReplicas) } }
        : { replicas };
      findings.push({
        rule: capacityInfo.id,
        domain: stationDomain(c),
        outcome: rho >= 1 ? 'fail' : 'warn',
        severity: rho >= 1 ? 'critical' : 'medium',
        components: [c.id],
        reason: `${ctx.graph.label(c.id)} is offered ρ = ${fmt(rhoBase)} at base load${atPeak ? ` and ρ = ${fmt(rhoPeak)} at the peak of the arrival profiles` : ''} (${fmt(Math.max(base, peak), 1)} req/s × ${fmt(holdSec * 1000, 1)} ms${c.properties.blockingCalls ? ' held, downstream round trip included' : ''} ÷ ${servers} ${serverless ? 'calls in flight at most' : 'workers'})${rho >= 1 ? ': its queue grows without bound.' : ': little headroom.'}`,
        remediation: `Scale ${c.id} to ${scaleTo} for ρ ≈ ${RHO_TARGET}.`,
        fix: { label: `${c.id}: ${serverless ? `${concurrency} concurrent calls` : `${replicas} replicas`}`, changes: [{ componentId: c.id, properties: fixProps }] },
        evidence: [{ kind: 'figures', text: 'offered load from the traffic equations', figures: { arrivalRateBase: +base.toFixed(3), arrivalRatePeak: +peak.toFixed(3), holdingMs: +(holdSec * 1000).toFixed(3), servers, rhoBase: +rhoBase.toFixed(4), rhoPeak: +rhoPeak.toFixed(4) } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(capacityInfo, `Every station is offered ρ < ${RHO_WARN} at base load and at peak.`)];
  },
};

export const autoscalingCeiling: Rule = {
  info: autoscalingInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.stations()) {
      const a = c.properties.autoscaling;
      if (!a) continue;
      const peak = ctx.peak.get(c.id) ?? 0;
      const holdSec = ctx.holdingMs(c) / 1000;
      const workers = c.properties.workers ?? 1;
      const rhoAtMax = (peak * holdSec) / (a.maxReplicas * workers);
      if (rhoAtMax <= a.targetUtilization) continue;
      const needed = Math.min(MAX_REPLICAS, Math.max(a.minReplicas, replicasForRho(ctx, c, peak, a.targetUtilization)));
      const cannot = rhoAtMax >= 1;
      findings.push({
        rule: autoscalingInfo.id,
        domain: 'compute',
        outcome: cannot ? 'fail' : 'warn',
        severity: cannot ? 'high' : 'medium',
        components: [c.id],
        reason: `At the peak (${fmt(peak, 1)} req/s) ${ctx.graph.label(c.id)} needs ${needed} replicas for its target utilisation ${a.targetUtilization}, but maxReplicas is ${a.maxReplicas} (ρ = ${fmt(rhoAtMax)} at the ceiling)${cannot ? ': it cannot carry the peak.' : '.'}`,
        remediation: `Raise ${c.id}'s autoscaling maxReplicas to ${needed}.`,
        fix: { label: `${c.id}: maxReplicas ${needed}`, changes: [{ componentId: c.id, properties: { autoscaling: { ...a, maxReplicas: needed } } }] },
        evidence: [{ kind: 'figures', text: 'peak load against the autoscaling ceiling', figures: { arrivalRatePeak: +peak.toFixed(3), holdingMs: +(holdSec * 1000).toFixed(3), maxReplicas: a.maxReplicas, rhoAtMax: +rhoAtMax.toFixed(4), replicasNeeded: needed } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(autoscalingInfo, 'Every autoscaled station can carry its peak within maxReplicas.')];
  },
};
