import type { ComponentType } from '@architech/contracts';

/**
 * Capacity given to an imported component when the sources say nothing (docs/import.md lists them).
 * Infrastructure code states replicas, rarely how long a request takes; these are the starting
 * points the user is asked to confirm, each reported as an assumption.
 */
export const IMPORT_DEFAULTS = {
  /** Requests per second of the synthetic client put in front of the entry points. */
  clientRatePerSec: 50,
  service: { workers: 8, meanServiceTimeMs: 20 },
  /** Serverless functions: one replica with the account's default concurrency as workers. */
  function: { workers: 1000, meanServiceTimeMs: 50 },
  database: { workers: 20, meanServiceTimeMs: 5 },
  cache: { workers: 50, meanServiceTimeMs: 1, hitRatio: 0.8 },
  queue: { maxDeliveries: 3 },
  /** Autoscaling target when the sources give bounds but no target utilisation. */
  targetUtilization: 0.7,
  /** Workers per CPU core requested (Kubernetes `resources`, compose `deploy.resources`). */
  workersPerCpu: 8,
} as const;

export function describeDefaults(type: ComponentType, serverless = false): string {
  switch (type) {
    case 'SERVICE': {
      const d = serverless ? IMPORT_DEFAULTS.function : IMPORT_DEFAULTS.service;
      return `${d.workers} workers per replica, ${d.meanServiceTimeMs} ms mean service time (exponential)`;
    }
    case 'DATABASE':
      return `${IMPORT_DEFAULTS.database.workers} workers (connections), ${IMPORT_DEFAULTS.database.meanServiceTimeMs} ms mean service time`;
    case 'CACHE':
      return `${IMPORT_DEFAULTS.cache.hitRatio * 100}% hit ratio, ${IMPORT_DEFAULTS.cache.meanServiceTimeMs} ms mean service time`;
    case 'QUEUE':
      return `${IMPORT_DEFAULTS.queue.maxDeliveries} deliveries per message`;
    case 'LOAD_BALANCER':
      return 'round robin';
    case 'CLIENT':
      return `${IMPORT_DEFAULTS.clientRatePerSec} req/s Poisson`;
  }
}
