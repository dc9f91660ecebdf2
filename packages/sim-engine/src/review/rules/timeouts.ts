import type { ComponentSpec } from '../flat-design';
import type { Finding, RuleInfo } from '../finding';
import { fmt, passFinding, type ReviewContext, type Rule } from '../context';
import { pathTimeMs } from '../graph';
import { isStation } from '../traffic';

/** Shortest timeout a remediation proposes, ms ("add a 2 s timeout"). */
export const DEFAULT_TIMEOUT_MS = 2000;

const missingInfo: RuleInfo = {
  id: 'missing-timeout',
  domain: 'resilience',
  title: 'Calls without a timeout',
  why: 'A component that calls others can hang when they do. Without a timeout on the calls into it, its callers wait as long as it does — a slow dependency becomes a slow (or stuck) system instead of a fast failure.',
  reference: 'Google SRE book, ch. 22 "Addressing Cascading Failures" (set deadlines); AWS Builders\' Library, "Timeouts, retries and backoff with jitter"',
};

const cascadeInfo: RuleInfo = {
  id: 'cascading-blocking-call',
  domain: 'cross_domain',
  title: 'Blocking calls with no timeout below them',
  why: 'A station with blockingCalls holds a worker for the whole downstream call. If the callee has no timeout, one slow or crashed dependency holds every worker of every blocking caller above it: thread-pool exhaustion cascades up the call chain.',
  reference: 'Google SRE book, ch. 22 "Addressing Cascading Failures"; Nygard, Release It! (2nd ed.), "Blocked Threads" and "Timeouts" patterns',
};

const shortInfo: RuleInfo = {
  id: 'timeout-below-callee-p99',
  domain: 'network',
  title: 'Timeout shorter than the callee\'s p99 path',
  why: 'When callers give up before the callee\'s own p99 response (service time plus its downstream calls), at least 1% of calls are abandoned while the callee keeps working on them: wasted capacity, and with retries each timeout adds load exactly when the callee is slow (a retry storm).',
  reference: 'Google SRE book, ch. 22 "Addressing Cascading Failures" (deadline propagation); AWS Builders\' Library, "Timeouts, retries and backoff with jitter"',
};

/** A timeout suggestion for a callee with a no-queueing p99 path of `p99Ms`: at least 2 s, at least 2× the path, rounded up to 100 ms. */
export function suggestedTimeoutMs(p99Ms: number): number {
  return Math.max(DEFAULT_TIMEOUT_MS, Math.ceil((2 * p99Ms) / 100) * 100);
}

function hasTimeoutSlot(c: ComponentSpec): boolean {
  return isStation(c) || c.type === 'LOAD_BALANCER';
}

export const missingTimeout: Rule = {
  info: missingInfo,
  check(ctx: ReviewContext) {
    const findings: Finding[] = [];
    for (const c of ctx.design.components) {
      if (!hasTimeoutSlot(c) || c.properties.timeoutMs !== undefined) continue;
      if (ctx.graph.downstream(c.id).length === 0 || ctx.graph.upstream(c.id).length === 0) continue;
      const timeoutMs = suggestedTimeoutMs(pathTimeMs(ctx.graph, c.id, 'p99'));
      const callers = ctx.graph.upstream(c.id).map((e) => e.source);
      findings.push({
        rule: missingInfo.id,
        domain: missingInfo.domain,
        outcome: 'warn',
        severity: 'medium',
        components: [c.id],
        reason: `Calls into ${ctx.graph.label(c.id)} (from ${callers.join(', ')}) have no timeout, and it calls ${ctx.graph.downstream(c.id).map((e) => e.target).join(', ')}: when those hang, its callers wait without bound.`,
        remediation: `Give ${c.id} a ${fmt(timeoutMs / 1000, 1)} s timeout (timeoutMs: ${timeoutMs}).`,
        fix: { label: `${c.id}: ${fmt(timeoutMs / 1000, 1)} s timeout`, changes: [{ componentId: c.id, properties: { timeoutMs } }] },
        evidence: [{ kind: 'figures', text: 'no-queueing p99 path of the component', figures: { p99PathMs: +pathTimeMs(ctx.graph, c.id, 'p99').toFixed(2), suggestedTimeoutMs: timeoutMs } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(missingInfo, 'Every component with downstream calls has a timeout on the calls into it.')];
  },
};

export const cascadingBlockingCall: Rule = {
  info: cascadeInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.stations()) {
      if (!c.properties.blockingCalls) continue;
      const open = ctx.graph.downstream(c.id).filter((e) => {
        const callee = ctx.graph.component(e.target);
        return hasTimeoutSlot(callee) && callee.properties.timeoutMs === undefined;
      });
      if (open.length === 0) continue;
      const changes = open.map((e) => ({ componentId: e.target, properties: { timeoutMs: suggestedTimeoutMs(pathTimeMs(ctx.graph, e.target, 'p99')) } }));
      findings.push({
        rule: cascadeInfo.id,
        domain: cascadeInfo.domain,
        outcome: 'fail',
        severity: 'high',
        components: [c.id, ...open.map((e) => e.target)],
        reason: `${ctx.graph.label(c.id)} holds a worker during its calls (blockingCalls) to ${open.map((e) => e.target).join(', ')}, which have no timeout: a hang below exhausts its ${ctx.servers(c, false)} workers and the failure cascades to its callers.`,
        remediation: `Set a timeout on ${changes.map((ch) => `${ch.componentId} (${ch.properties.timeoutMs} ms)`).join(', ')}.`,
        fix: { label: `timeouts below ${c.id}`, changes },
        evidence: [{ kind: 'path', text: 'blocking call without a timeout', path: [c.id, ...open.map((e) => e.target)] }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(cascadeInfo, 'Every blocking call has a timeout below it.')];
  },
};

export const timeoutBelowCalleeP99: Rule = {
  info: shortInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.design.components) {
      const timeoutMs = c.properties.timeoutMs;
      if (!hasTimeoutSlot(c) || timeoutMs === undefined) continue;
      const p99 = pathTimeMs(ctx.graph, c.id, 'p99');
      if (p99 <= timeoutMs) continue;
      const retried = c.properties.retry !== undefined && c.properties.retry.maxAttempts > 1;
      const proposed = Math.ceil((1.5 * p99) / 100) * 100;
      findings.push({
        rule: shortInfo.id,
        domain: shortInfo.domain,
        outcome: retried ? 'fail' : 'warn',
        severity: 'high',
        components: [c.id],
        reason: `Callers of ${ctx.graph.label(c.id)} give up after ${timeoutMs} ms, but its own p99 path (service time and downstream calls, without queueing) is about ${fmt(p99, 0)} ms: more than 1% of calls are abandoned mid-work${retried ? ', and each is retried — a retry storm when it is slow' : ''}.`,
        remediation: `Raise ${c.id}'s timeoutMs to ${proposed} ms (1.5× its p99 path), or make its path faster.`,
        fix: { label: `${c.id}: timeout ${proposed} ms`, changes: [{ componentId: c.id, properties: { timeoutMs: proposed } }] },
        evidence: [{ kind: 'figures', text: 'timeout against the no-queueing p99 path', figures: { timeoutMs, p99PathMs: +p99.toFixed(2) } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(shortInfo, 'Every timeout is longer than the p99 path of the component it guards.')];
  },
};
