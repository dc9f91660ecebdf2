import type { ComponentSpec } from '../flat-design';
import type { Finding, RuleInfo } from '../finding';
import { fmt, MAX_REPLICAS, passFinding, stationDomain, type ReviewContext, type Rule } from '../context';
import { meanLinkMs, pathTimeMs } from '../graph';
import { isStation } from '../traffic';
import { RHO_TARGET, RHO_WARN, replicasForRho } from './capacity';

const waitingInfo: RuleInfo = {
  id: 'unbounded-waiting-room',
  domain: 'compute',
  title: 'Unbounded queue in front of a blocking caller',
  why: 'A station that holds workers during downstream calls saturates when a dependency slows; with an unbounded queue in front of it, requests keep piling up (and waiting past any caller\'s patience) instead of being shed. A bounded queue fails fast and keeps latency bounded (Little\'s law: wait = queue length ÷ throughput).',
  reference: 'Google SRE book, ch. 21 "Handling Overload" and ch. 22 (queue management, load shedding); Little\'s law L = λW',
};

const backlogInfo: RuleInfo = {
  id: 'queue-backlog',
  domain: 'storage',
  title: 'Queue consumers cannot keep up',
  why: 'A queue absorbs bursts only if its consumers drain faster than producers fill it on average. If the consumers\' throughput is below the peak inflow, the backlog (and every message\'s age) grows for as long as the peak lasts.',
  reference: 'Queueing theory: stability requires arrival rate < service rate (ρ < 1); AWS Well-Architected, Reliability pillar, REL05 (throttle, queue-based load leveling)',
};

/** A bound for a blocking station's queue: as many as it can serve within its callers' timeout, else 4 per worker. */
export function suggestedQueueCapacity(ctx: ReviewContext, c: ComponentSpec): number {
  const workers = c.properties.workers ?? 1;
  const holdMs = ctx.holdingMs(c);
  if (c.properties.timeoutMs !== undefined && holdMs > 0) return Math.max(workers, Math.floor((c.properties.timeoutMs / holdMs) * workers));
  return 4 * workers;
}

export const unboundedWaitingRoom: Rule = {
  info: waitingInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.stations()) {
      if (!c.properties.blockingCalls || c.properties.queueCapacity !== undefined || ctx.graph.downstream(c.id).length === 0) continue;
      const capacity = suggestedQueueCapacity(ctx, c);
      findings.push({
        rule: waitingInfo.id,
        domain: stationDomain(c),
        outcome: 'warn',
        severity: 'medium',
        components: [c.id],
        reason: `${ctx.graph.label(c.id)} blocks on its downstream calls and has an unbounded queue: when a dependency slows, requests wait without limit instead of being shed.`,
        remediation: `Bound ${c.id}'s queue (queueCapacity: ${capacity} per replica).`,
        fix: { label: `${c.id}: queue ${capacity}`, changes: [{ componentId: c.id, properties: { queueCapacity: capacity } }] },
        evidence: [{ kind: 'figures', text: 'worker holding time and suggested bound', figures: { holdingMs: +ctx.holdingMs(c).toFixed(2), workers: c.properties.workers ?? 1, suggestedQueueCapacity: capacity } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(waitingInfo, 'No blocking station has an unbounded queue.')];
  },
};

/** Messages per second one consumer connection of a queue can take, and the consumer's own ceiling. */
function drainRate(ctx: ReviewContext, consumer: ComponentSpec, concurrency: number | undefined, linkMs: number): number {
  const perDeliveryMs = 2 * linkMs + pathTimeMs(ctx.graph, consumer.id, 'mean');
  if (!isStation(consumer)) return concurrency !== undefined && perDeliveryMs > 0 ? (concurrency * 1000) / perDeliveryMs : Infinity;
  const stationRate = (ctx.servers(consumer) * 1000) / Math.max(ctx.holdingMs(consumer), 1e-9);
  const limit = concurrency ?? ctx.servers(consumer);
  return Math.min(stationRate, perDeliveryMs > 0 ? (limit * 1000) / perDeliveryMs : Infinity);
}

export const queueBacklog: Rule = {
  info: backlogInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const q of ctx.design.components) {
      if (q.type !== 'QUEUE') continue;
      const inflow = ctx.peak.get(q.id) ?? 0;
      const consumers = ctx.graph.downstream(q.id);
      if (inflow === 0 || consumers.length === 0) continue;
      const drain = consumers.reduce((sum, e) => sum + drainRate(ctx, ctx.graph.component(e.target), q.properties.consumerConcurrency, meanLinkMs(e)), 0);
      const load = inflow / drain;
      if (load < RHO_WARN) continue;
      const share = inflow / consumers.length;
      const changes = consumers
        .map((e) => ctx.graph.component(e.target))
        .filter(isStation)
        .map((c) => ({ componentId: c.id, properties: { replicas: Math.min(MAX_REPLICAS, Math.max(c.properties.replicas ?? 1, replicasForRho(ctx, c, (ctx.peak.get(c.id) ?? 0) + share, RHO_TARGET))) } }));
      const concurrency = q.properties.consumerConcurrency;
      findings.push({
        rule: backlogInfo.id,
        domain: backlogInfo.domain,
        outcome: load >= 1 ? 'fail' : 'warn',
        severity: load >= 1 ? 'high' : 'medium',
        components: [q.id, ...consumers.map((e) => e.target)],
        reason: `${ctx.graph.label(q.id)} receives up to ${fmt(inflow, 1)} msg/s at peak but its consumers drain about ${fmt(drain, 1)} msg/s${concurrency !== undefined ? ` (consumerConcurrency ${concurrency})` : ''}${load >= 1 ? ': the backlog grows for as long as the peak lasts.' : ': little headroom.'}`,
        remediation: concurrency !== undefined ? `Raise consumerConcurrency of ${q.id} and scale its consumers.` : `Scale the consumers of ${q.id} (${changes.map((c) => `${c.componentId}: ${c.properties.replicas} replicas`).join(', ')}).`,
        fix: changes.length > 0 && concurrency === undefined ? { label: `scale consumers of ${q.id}`, changes } : undefined,
        evidence: [{ kind: 'figures', text: 'peak inflow against consumer throughput', figures: { inflowPeak: +inflow.toFixed(3), drainRate: +drain.toFixed(3), load: +load.toFixed(4) } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(backlogInfo, 'Every queue\'s consumers keep up with its peak inflow.')];
  },
};
