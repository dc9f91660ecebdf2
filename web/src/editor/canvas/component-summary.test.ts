import { describe, expect, it } from '@jest/globals';
import type { EditorComponent } from '@architech/editor-core';
import { componentSummary, previewText } from './component-summary';

const at = { x: 0, y: 0 };
const component = (c: Omit<EditorComponent, 'id' | 'position'>) => ({ id: 'x', position: at, ...c }) as EditorComponent;

describe('a card summary', () => {
  it('shows replicas × workers and the service time of a service', () => {
    const service = component({ type: 'SERVICE', properties: { replicas: 3, workers: 4, serviceTime: { dist: 'exponential', mean: 20 } } });
    expect(componentSummary(service)).toBe('3×4 · exp 20 ms');
  });

  it('shows the rate and process of a client, and its profile shape', () => {
    const steady = component({ type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 400 } } });
    const spiky = component({
      type: 'CLIENT',
      properties: { arrival: { process: 'constant', ratePerSec: 1500, profile: { shape: 'spike', ratePerSec: 4000, startSec: 60 } } },
    });
    expect(componentSummary(steady)).toBe('400 req/s poisson');
    expect(componentSummary(spiky)).toBe('1.5k req/s constant · spike');
  });

  it('shows the hit ratio of a cache and the strategy of a load balancer', () => {
    expect(componentSummary(component({ type: 'CACHE', properties: { hitRatio: 0.8, serviceTime: { dist: 'constant', value: 1 } } }))).toBe('hit 80% · 1 ms');
    expect(componentSummary(component({ type: 'LOAD_BALANCER', properties: { strategy: 'least_connections' } }))).toBe('least connections');
  });

  it('defaults replicas and workers to 1 and survives half-typed values', () => {
    const halfTyped = component({ type: 'DATABASE', properties: { serviceTime: { dist: 'uniform', min: 5 } } as never });
    expect(componentSummary(halfTyped)).toBe('1×1 · 5–? ms');
    expect(componentSummary(component({ type: 'QUEUE', properties: {} }))).toBe('unbounded');
  });
});

describe('a preview badge', () => {
  it('shows utilisation and p95, or a dash when nothing completed', () => {
    expect(previewText({ utilization: 0.724, latencyP95Ms: 34.2, overloaded: false })).toBe('ρ 0.72 · p95 34.2 ms');
    expect(previewText({ utilization: 0.1, latencyP95Ms: undefined, overloaded: false })).toBe('ρ 0.10 · p95 –');
  });

  it('says OVERLOADED first when the component cannot keep up', () => {
    expect(previewText({ utilization: 1.3, latencyP95Ms: 900, overloaded: true })).toBe('OVERLOADED · ρ 1.30');
  });
});
