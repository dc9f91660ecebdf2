// The 50-component design of the replay and telemetry benchmarks.

/**
 * 50 components in six columns: 4 clients → 3 load balancers → 10 front ends → 12 back ends →
 * 5 caches and 2 queues (with 4 workers) → 10 databases. Requests take one downstream each (by
 * weight), so utilisations differ; some back ends have a circuit breaker, some autoscale.
 */
export function replayDesign() {
  const components = [];
  const connections = [];
  const station = (mean, extra = {}) => ({ replicas: 1, workers: 4, serviceTime: { dist: 'exponential', mean }, timeoutMs: 2000, ...extra });
  const add = (id, type, name, properties, column, row) => components.push({ id, type, name, properties, position: { x: column * 280, y: row * 110 } });
  const link = (source, target, properties) => connections.push({ id: `${source}>${target}`, source, target, ...(properties ? { properties } : {}) });

  for (let i = 0; i < 4; i++) add(`client-${i}`, 'CLIENT', ['Web', 'Mobile', 'Partner API', 'Batch'][i], { arrival: { process: 'poisson', ratePerSec: [120, 90, 60, 40][i] } }, 0, 2 + i * 3);
  for (let i = 0; i < 3; i++) add(`lb-${i}`, 'LOAD_BALANCER', `Edge LB ${i + 1}`, { strategy: 'least_connections' }, 1, 2 + i * 4);
  for (let i = 0; i < 10; i++) add(`fe-${i}`, 'SERVICE', `Frontend ${i + 1}`, station(20 + 12 * (i % 4)), 2, i * 1.3);
  for (let i = 0; i < 12; i++) {
    const extra = i % 3 === 0 ? { circuitBreaker: { failureThreshold: 0.5, windowSize: 20, openMs: 5000 } } : i % 3 === 1 ? { autoscaling: { minReplicas: 1, maxReplicas: 4, targetUtilization: 0.6, scaleOutDelaySec: 10, cooldownSec: 30, evaluationIntervalSec: 5 } } : {};
    add(`be-${i}`, 'SERVICE', `Backend ${i + 1}`, station(30 + 10 * (i % 5), { workers: 2, ...extra }), 3, i * 1.1);
  }
  for (let i = 0; i < 5; i++) add(`cache-${i}`, 'CACHE', `Cache ${i + 1}`, { replicas: 1, workers: 8, serviceTime: { dist: 'exponential', mean: 1 }, hitRatio: 0.7 }, 4, i * 1.3);
  for (let i = 0; i < 2; i++) add(`queue-${i}`, 'QUEUE', `Queue ${i + 1}`, { maxDeliveries: 3 }, 4, 7 + i * 2);
  for (let i = 0; i < 4; i++) add(`worker-${i}`, 'SERVICE', `Worker ${i + 1}`, station(60), 5, 8 + i * 1.2);
  for (let i = 0; i < 10; i++) add(`db-${i}`, 'DATABASE', `DB ${i + 1}`, station(25 + 8 * (i % 4), { workers: 8 }), 6, i * 1.3);

  const lbOf = [0, 1, 2, 0];
  for (let i = 0; i < 4; i++) link(`client-${i}`, `lb-${lbOf[i]}`);
  const feOf = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]];
  feOf.forEach((fes, lb) => fes.forEach((fe) => link(`lb-${lb}`, `fe-${fe}`)));
  for (let fe = 0; fe < 10; fe++) {
    link(`fe-${fe}`, `be-${fe}`, { weight: 3, packetLossRate: 0 });
    link(`fe-${fe}`, `be-${(fe + 5) % 12}`);
  }
  link('fe-9', 'be-10');
  link('fe-8', 'be-11');
  for (let be = 0; be < 5; be++) link(`be-${be}`, `cache-${be}`);
  for (let be = 5; be < 10; be++) link(`be-${be}`, `db-${be}`);
  link('be-10', 'queue-0');
  link('be-11', 'queue-1');
  for (let c = 0; c < 5; c++) link(`cache-${c}`, `db-${c}`);
  for (let w = 0; w < 4; w++) {
    link(`queue-${w >> 1}`, `worker-${w}`);
    link(`worker-${w}`, `db-${(w * 3) % 10}`);
  }
  return { name: 'Bench replay: 50 components', components, connections };
}
