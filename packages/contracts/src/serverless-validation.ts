import type { Component } from './design.schema';
import type { ValidationIssue } from './issues';

/**
 * A `serverless` component has no fixed deployment: its instances start on demand, each serving
 * `concurrencyPerInstance` calls, and a call beyond `maxConcurrency` is throttled, never queued.
 * So `autoscaling`, `queueCapacity`, and `replicas` or `workers` other than their default 1,
 * contradict it: each is an error naming the field. (A written `replicas: 1` cannot be told from the
 * default and is accepted.)
 */
export function serverlessIssues(component: Component, index: number): ValidationIssue[] {
  if (component.type !== 'SERVICE' && component.type !== 'DATABASE' && component.type !== 'CACHE') return [];
  const p = component.properties;
  if (p.serverless === undefined) return [];
  const at = `components[${index}].properties`;
  const issue = (field: string, why: string): ValidationIssue => ({ path: `${at}.${field}`, code: 'not_applicable', message: `'${component.id}' is serverless: ${why}` });
  const issues: ValidationIssue[] = [];
  if (p.autoscaling !== undefined) issues.push(issue('autoscaling', 'instances start on demand up to serverless.maxConcurrency; remove autoscaling'));
  if (p.queueCapacity !== undefined) issues.push(issue('queueCapacity', 'a call beyond serverless.maxConcurrency is throttled, never queued; remove queueCapacity'));
  if (p.replicas !== 1) issues.push(issue('replicas', 'instances start on demand; remove replicas'));
  if (p.workers !== 1) issues.push(issue('workers', 'calls per instance are serverless.concurrencyPerInstance; remove workers'));
  return issues;
}
