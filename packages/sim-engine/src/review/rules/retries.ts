import type { Finding, RuleInfo } from '../finding';
import { fmt, passFinding, type Rule } from '../context';

/** Product of attempts along a path above which retries amplify too much. */
export const MAX_AMPLIFICATION = 10;
/** The breaker a remediation adds: opens at 50% failures over 20 calls, for 5 s. */
export const DEFAULT_BREAKER = { failureThreshold: 0.5, windowSize: 20, openMs: 5000, halfOpenRequests: 1 };

const backoffInfo: RuleInfo = {
  id: 'retry-without-backoff',
  domain: 'resilience',
  title: 'Retries without exponential backoff and jitter',
  why: 'Retrying at once, or on a fixed beat, sends the retries of every failed caller together: synchronised waves that keep an overloaded dependency overloaded. Exponential backoff spreads them out; jitter de-synchronises callers.',
  reference: 'AWS Builders\' Library, "Timeouts, retries and backoff with jitter"; AWS Well-Architected, Reliability pillar, REL05 "Implement retries with exponential backoff and jitter"',
};

const amplificationInfo: RuleInfo = {
  id: 'retry-amplification',
  domain: 'cross_domain',
  title: 'Retry amplification along a path',
  why: 'Retries at every layer multiply: with 3 attempts at each of 3 layers one client request can become 27 calls to the deepest component, exactly when it is failing. The product of maxAttempts along a path should stay small (retry at one layer).',
  reference: 'Google SRE book, ch. 22 "Addressing Cascading Failures" (retry amplification; retry at one layer of the stack)',
};

const breakerInfo: RuleInfo = {
  id: 'retry-without-breaker',
  domain: 'resilience',
  title: 'Retries without a circuit breaker',
  why: 'Retries help with transient faults but add load during a sustained one. A circuit breaker in front of the dependency stops calling it once it keeps failing, so retries cannot keep a struggling dependency down.',
  reference: 'Nygard, Release It! (2nd ed.), "Circuit Breaker" pattern; AWS Well-Architected, Reliability pillar, REL05 "Design interactions in a distributed system to mitigate or withstand failures"',
};

export const retryWithoutBackoff: Rule = {
  info: backoffInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.design.components) {
      const r = c.properties.retry;
      if (!r || r.maxAttempts <= 1) continue;
      const immediate = r.backoff === 'constant' && r.baseMs === 0;
      if (r.backoff === 'exponential' && r.jitter && r.baseMs > 0) continue;
      const missing = [r.backoff !== 'exponential' ? 'exponential backoff' : '', !r.jitter ? 'jitter' : '', r.baseMs === 0 ? 'a base delay' : ''].filter(Boolean);
      findings.push({
        rule: backoffInfo.id,
        domain: backoffInfo.domain,
        outcome: immediate ? 'fail' : 'warn',
        severity: immediate ? 'high' : 'medium',
        components: [c.id],
        reason: `Calls to ${ctx.graph.label(c.id)} are retried up to ${r.maxAttempts} times without ${missing.join(' or ')}${immediate ? ': retries fire at once, in waves' : ''}.`,
        remediation: `Use exponential backoff with jitter (base ${Math.max(50, r.baseMs)} ms) for retries of ${c.id}.`,
        fix: { label: `${c.id}: backoff with jitter`, changes: [{ componentId: c.id, properties: { retry: { ...r, backoff: 'exponential', jitter: true, baseMs: Math.max(50, r.baseMs) } } }] },
        evidence: [{ kind: 'figures', text: 'retry policy', figures: { maxAttempts: r.maxAttempts, backoff: r.backoff, baseMs: r.baseMs, jitter: String(r.jitter) } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(backoffInfo, 'Every retry policy backs off exponentially with jitter.')];
  },
};

export const retryAmplification: Rule = {
  info: amplificationInfo,
  check(ctx) {
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const path of ctx.graph.clientPaths()) {
      const retrying = path.slice(1).filter((id) => (ctx.graph.component(id).properties.retry?.maxAttempts ?? 1) > 1);
      const factor = retrying.reduce((p, id) => p * ctx.graph.component(id).properties.retry!.maxAttempts, 1);
      if (factor <= MAX_AMPLIFICATION) continue;
      const key = retrying.join('>');
      if (reported.has(key)) continue;
      reported.add(key);
      const [outer, ...inner] = retrying;
      findings.push({
        rule: amplificationInfo.id,
        domain: amplificationInfo.domain,
        outcome: 'fail',
        severity: factor > 3 * MAX_AMPLIFICATION ? 'critical' : 'high',
        components: retrying,
        reason: `Along ${path.join(' → ')} retries multiply to ${factor} attempts per request at ${retrying[retrying.length - 1]} (${retrying.map((id) => `${id} ×${ctx.graph.component(id).properties.retry!.maxAttempts}`).join(', ')}), above ${MAX_AMPLIFICATION}.`,
        remediation: `Retry at one layer: keep the retries of ${outer} and set maxAttempts to 1 on ${inner.join(', ')}.`,
        fix: { label: `retry only at ${outer}`, changes: inner.map((id) => ({ componentId: id, properties: { retry: { ...ctx.graph.component(id).properties.retry!, maxAttempts: 1 } } })) },
        evidence: [
          { kind: 'path', text: 'client path', path },
          { kind: 'figures', text: 'product of maxAttempts along the path', figures: { amplification: factor } },
        ],
      });
    }
    return findings.length > 0 ? findings : [passFinding(amplificationInfo, `No client path multiplies retries beyond ${MAX_AMPLIFICATION}.`)];
  },
};

export const retryWithoutBreaker: Rule = {
  info: breakerInfo,
  check(ctx) {
    const findings: Finding[] = [];
    for (const c of ctx.design.components) {
      const r = c.properties.retry;
      if (!r || r.maxAttempts <= 1 || c.properties.circuitBreaker || c.type === 'QUEUE') continue;
      findings.push({
        rule: breakerInfo.id,
        domain: breakerInfo.domain,
        outcome: 'warn',
        severity: 'medium',
        components: [c.id],
        reason: `Calls to ${ctx.graph.label(c.id)} are retried (${r.maxAttempts} attempts) with no circuit breaker in front of it: during an outage every caller keeps sending ${fmt(r.maxAttempts, 0)}× its traffic.`,
        remediation: `Put a circuit breaker in front of ${c.id} (opens at 50% failures over 20 calls, for 5 s).`,
        fix: { label: `${c.id}: circuit breaker`, changes: [{ componentId: c.id, properties: { circuitBreaker: { ...DEFAULT_BREAKER } } }] },
        evidence: [{ kind: 'figures', text: 'retry policy without a breaker', figures: { maxAttempts: r.maxAttempts } }],
      });
    }
    return findings.length > 0 ? findings : [passFinding(breakerInfo, 'Every retried dependency has a circuit breaker.')];
  },
};
