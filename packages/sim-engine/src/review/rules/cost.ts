import { findCatalogueEntry, findSku, scaleDistribution } from '@architech/contracts';
import { HOURS_PER_MONTH } from '../../cost/cost-model';
import { LIST_PRICES, priceOf } from '../../cost/price-book';
import type { ComponentSpec } from '../flat-design';
import type { Finding, RuleInfo } from '../finding';
import { fmt, passFinding, type ReviewContext, type Rule } from '../context';
import { meanServiceMs } from '../graph';
import { RHO_TARGET, replicasForRho } from './capacity';

/** Utilisation below which a station with more than one replica is over-provisioned. */
export const RHO_IDLE = 0.2;
/** Replicas a cost remediation keeps at least (failover: the single-point-of-failure rule's floor). */
const REDUNDANCY_FLOOR = 2;

const overProvisionedInfo: RuleInfo = {
  id: 'over-provisioned',
  domain: 'cost',
  title: 'Over-provisioned station',
  why: 'Provisioned replicas cost money whether they work or not. A station kept below about 20% utilisation (at the peak for fixed replicas, at base load for the autoscaling floor) with more than one replica pays for capacity it does not use: fewer replicas at ρ ≈ 0.7 (never fewer than two) carry the same load, and where only two are left a smaller SKU of the same service may.',
  reference: 'AWS Well-Architected, Cost Optimization pillar, COST06 "Select the correct resource type, size, and number"; Google Cloud Architecture Framework, Cost optimization, "Optimize resource usage"',
};

const idleCapacityInfo: RuleInfo = {
  id: 'idle-capacity',
  domain: 'cost',
  title: 'Provisioned capacity no traffic reaches',
  why: 'A component with provisioned instances that no client traffic reaches is billed every hour and serves nothing (a leftover, or a path not wired yet). Serverless components cost nothing idle and are not flagged.',
  reference: 'AWS Well-Architected, Cost Optimization pillar, COST04 "Decommission resources"',
};

/** Monthly USD of `replicas` instances of a priced component, or undefined without a price. */
function monthlyInstanceCost(c: ComponentSpec, replicas: number): number | undefined {
  const ref = c.properties.provider;
  const perHour = ref && priceOf(LIST_PRICES, ref, 'instance-hour');
  return perHour === undefined ? undefined : perHour * replicas * HOURS_PER_MONTH;
}

function saving(c: ComponentSpec, replicas: number): { text: string; figures: Record<string, number> } {
  const usd = monthlyInstanceCost(c, replicas);
  if (usd === undefined) return { text: `${fmt(replicas * HOURS_PER_MONTH, 0)} instance-hours a month (unpriced: no provider block or list price)`, figures: { instanceHoursPerMonth: replicas * HOURS_PER_MONTH } };
  return { text: `≈ $${fmt(usd, 2)} a month at list prices`, figures: { instanceHoursPerMonth: replicas * HOURS_PER_MONTH, monthlySavingUsd: +usd.toFixed(2) } };
}

export const overProvisioned: Rule = {
  info: overProvisionedInfo,
  check(ctx: ReviewContext) {
    const findings: Finding[] = [];
    for (const c of ctx.stations()) {
      const p = c.properties;
      if (p.serverless) continue;
      const floor = p.autoscaling ? p.autoscaling.minReplicas : (p.replicas ?? 1);
      const lambda = p.autoscaling ? (ctx.base.get(c.id) ?? 0) : Math.max(ctx.base.get(c.id) ?? 0, ctx.peak.get(c.id) ?? 0);
      const rho = (lambda * (ctx.holdingMs(c) / 1000)) / (floor * (p.workers ?? 1));
      if (floor <= 1 || rho >= RHO_IDLE) continue;
      const replicas = Math.max(REDUNDANCY_FLOOR, replicasForRho(ctx, c, lambda, RHO_TARGET));
      if (replicas >= floor) {
        const smaller = smallerSku(ctx, c, lambda, floor);
        if (smaller) findings.push(smaller);
        continue;
      }
      const saved = saving(c, floor - replicas);
      const what = p.autoscaling ? 'minReplicas' : 'replicas';
      findings.push({
        rule: overProvisionedInfo.id,
        domain: 'cost',
        outcome: 'warn',
        severity: 'low',
        components: [c.id],
        reason: `${ctx.graph.label(c.id)} runs ${floor} replicas (${what}) at ρ = ${fmt(rho)}${p.autoscaling ? ' at base load' : ''}: ${replicas} carry ${fmt(lambda, 1)} req/s at ρ ≈ ${RHO_TARGET}; the other ${floor - replicas} cost ${saved.text}.`,
        remediation: `Lower ${c.id}'s ${what} to ${replicas}: saves ${saved.text}.`,
        fix: { label: `${c.id}: ${what} ${replicas}`, changes: [{ componentId: c.id, properties: p.autoscaling ? { autoscaling: { ...p.autoscaling, minReplicas: replicas } } : { replicas } }] },
        evidence: [{ kind: 'figures', text: 'utilisation of the provisioned replicas and the saving', figures: { arrivalRate: +lambda.toFixed(3), replicas: floor, rho: +rho.toFixed(4), replicasNeeded: replicas, ...saved.figures } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(overProvisionedInfo, `No station with more than one replica runs below ρ = ${RHO_IDLE} with capacity to spare.`)];
  },
};

/**
 * The cheapest SKU of the station's catalogue entry that still keeps it at ρ ≤ 0.7 with its
 * replicas (fewer workers, a slower service time by the SKU's factor), as a finding with the saving.
 */
function smallerSku(ctx: ReviewContext, c: ComponentSpec, lambda: number, replicas: number): Finding | undefined {
  const ref = c.properties.provider;
  const entry = ref && findCatalogueEntry(ref.provider, ref.service);
  const current = entry && findSku(entry, ref.sku);
  const currentPrice = ref && priceOf(LIST_PRICES, ref, 'instance-hour');
  if (!ref || !entry || !current || currentPrice === undefined || !c.properties.serviceTime) return undefined;
  const ownSec = meanServiceMs(c) / 1000;
  const callsSec = ctx.holdingMs(c) / 1000 - ownSec;
  let best: { id: string; workers: number; factor: number; price: number; rho: number } | undefined;
  for (const sku of entry.skus) {
    const price = priceOf(LIST_PRICES, { ...ref, sku: sku.id }, 'instance-hour');
    const factor = sku.serviceTimeFactor / current.serviceTimeFactor;
    const rho = (lambda * (ownSec * factor + callsSec)) / (replicas * sku.workers);
    if (price === undefined || price >= currentPrice || rho > RHO_TARGET || (best && best.price <= price)) continue;
    best = { id: sku.id, workers: sku.workers, factor, price, rho };
  }
  if (!best) return undefined;
  const usd = (currentPrice - best.price) * replicas * HOURS_PER_MONTH;
  const serviceTime = scaleDistribution(c.properties.serviceTime, best.factor);
  return {
    rule: overProvisionedInfo.id,
    domain: 'cost',
    outcome: 'warn',
    severity: 'low',
    components: [c.id],
    reason: `${ctx.graph.label(c.id)} runs ${replicas} × ${current.id} below ρ = ${RHO_IDLE}: ${replicas} × ${best.id} carry ${fmt(lambda, 1)} req/s at ρ ≈ ${fmt(best.rho)} for ≈ $${fmt(usd, 2)} a month less at list prices.`,
    remediation: `Move ${c.id} to ${ref.service} ${best.id}: saves ≈ $${fmt(usd, 2)} a month.`,
    fix: { label: `${c.id}: ${best.id}`, changes: [{ componentId: c.id, properties: { provider: { ...ref, sku: best.id }, workers: best.workers, serviceTime } }] },
    evidence: [{ kind: 'figures', text: 'the SKU against the load, and the saving', figures: { arrivalRate: +lambda.toFixed(3), replicas, sku: current.id, suggestedSku: best.id, rhoAfter: +best.rho.toFixed(4), monthlySavingUsd: +usd.toFixed(2) } }],
  };
}

export const idleCapacity: Rule = {
  info: idleCapacityInfo,
  check(ctx: ReviewContext) {
    const findings: Finding[] = [];
    for (const c of ctx.design.components) {
      if (c.type === 'CLIENT' || c.properties.serverless) continue;
      const reached = (ctx.base.get(c.id) ?? 0) > 0 || (ctx.peak.get(c.id) ?? 0) > 0;
      if (reached) continue;
      const instances = c.type === 'LOAD_BALANCER' || c.type === 'QUEUE' ? 1 : c.properties.autoscaling ? c.properties.autoscaling.minReplicas : (c.properties.replicas ?? 1);
      const saved = saving(c, instances);
      findings.push({
        rule: idleCapacityInfo.id,
        domain: 'cost',
        outcome: 'warn',
        severity: 'low',
        components: [c.id],
        reason: `No client traffic reaches ${ctx.graph.label(c.id)}, yet its ${instances} instance${instances === 1 ? '' : 's'} cost ${saved.text}.`,
        remediation: `Remove ${c.id}, or connect it to the path that should use it.`,
        evidence: [{ kind: 'figures', text: 'provisioned instances without traffic', figures: { instances, ...saved.figures } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(idleCapacityInfo, 'Client traffic reaches every provisioned component.')];
  },
};
