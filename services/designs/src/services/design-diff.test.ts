import type { Component, Connection } from '@architech/contracts';
import { diffDesigns } from './design-diff';

const client: Component = { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 80 } } };

function service(id: string, meanMs = 10, extra: Partial<Extract<Component, { type: 'SERVICE' }>> = {}): Component {
  return {
    id,
    type: 'SERVICE',
    properties: { replicas: 1, workers: 1, serviceTime: { dist: 'exponential', mean: meanMs }, blockingCalls: false, errorRate: 0 },
    ...extra,
  };
}

function connection(id: string, source: string, target: string, weight = 1): Connection {
  return { id, source, target, properties: { packetLossRate: 0, weight } };
}

describe('diffDesigns', () => {
  it('finds nothing between a design and itself', () => {
    const design = { components: [client, service('web')], connections: [connection('c1', 'users', 'web')] };
    expect(diffDesigns(design, design)).toEqual({
      components: { added: [], removed: [], changed: [] },
      connections: { added: [], removed: [], changed: [] },
    });
  });

  it('reports added and removed components and connections by id', () => {
    const before = { components: [client, service('web'), service('old')], connections: [connection('c1', 'users', 'web'), connection('c2', 'web', 'old')] };
    const after = { components: [client, service('web'), service('db')], connections: [connection('c1', 'users', 'web'), connection('c3', 'web', 'db')] };
    const diff = diffDesigns(before, after);
    expect(diff.components.added.map((c) => c.id)).toEqual(['db']);
    expect(diff.components.removed.map((c) => c.id)).toEqual(['old']);
    expect(diff.connections.added.map((c) => c.id)).toEqual(['c3']);
    expect(diff.connections.removed.map((c) => c.id)).toEqual(['c2']);
    expect(diff.components.changed).toEqual([]);
  });

  it('reports a component whose properties, name, position or type changed, with both sides', () => {
    const before = { components: [service('a'), service('b'), service('c'), service('d')], connections: [] };
    const after = {
      components: [
        service('a', 25),
        service('b', 10, { name: 'Billing' }),
        service('c', 10, { position: { x: 1, y: 2 } }),
        { ...service('d'), type: 'DATABASE' } as Component,
      ],
      connections: [],
    };
    const changed = diffDesigns(before, after).components.changed;
    expect(changed.map((c) => c.after.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(changed[0]).toEqual({ before: service('a'), after: service('a', 25) });
  });

  it('reports a connection whose source, target or properties changed', () => {
    const before = { components: [], connections: [connection('c1', 'a', 'b'), connection('c2', 'a', 'b'), connection('c3', 'a', 'b')] };
    const after = { components: [], connections: [connection('c1', 'a', 'c'), connection('c2', 'c', 'b'), connection('c3', 'a', 'b', 3)] };
    expect(diffDesigns(before, after).connections.changed.map((c) => c.after.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('ignores the order of elements and of keys inside properties (jsonb reorders keys)', () => {
    const reordered: Component = {
      id: 'web',
      type: 'SERVICE',
      properties: { errorRate: 0, workers: 1, blockingCalls: false, serviceTime: { mean: 10, dist: 'exponential' }, replicas: 1 },
    };
    const before = { components: [client, service('web')], connections: [connection('c1', 'users', 'web')] };
    const after = { components: [reordered, client], connections: [connection('c1', 'users', 'web')] };
    expect(diffDesigns(before, after).components).toEqual({ added: [], removed: [], changed: [] });
  });

  it('treats a missing optional field like an undefined one', () => {
    const before = { components: [service('web')], connections: [] };
    const after = { components: [{ ...service('web'), name: undefined, position: undefined }], connections: [] };
    expect(diffDesigns(before, after).components.changed).toEqual([]);
  });
});
