import { createComponent } from './component-defaults';
import type { ComponentType } from './contracts';
import type { EditorDocument } from './document';
import { boxesIntersect, componentBox, type Point } from './geometry';
import { DEFAULT_LAYER_SPACING, layoutLeftToRight } from './layout';

function graph(types: Record<string, ComponentType>, edges: [string, string][], at: Point = { x: 0, y: 0 }): EditorDocument {
  return {
    name: '',
    components: Object.entries(types).map(([id, type]) => createComponent(type, id, at)),
    connections: edges.map(([source, target]) => ({ id: `${source}>${target}`, source, target, properties: {} })),
  };
}

/** Two clients, a load balancer fanning out, a cache in front of a database and a queue with a worker. */
const shop = graph(
  {
    web: 'CLIENT',
    mobile: 'CLIENT',
    lb: 'LOAD_BALANCER',
    api1: 'SERVICE',
    api2: 'SERVICE',
    api3: 'SERVICE',
    cache: 'CACHE',
    db: 'DATABASE',
    jobs: 'QUEUE',
    mailer: 'SERVICE',
  },
  [
    ['web', 'lb'],
    ['mobile', 'lb'],
    ['lb', 'api1'],
    ['lb', 'api2'],
    ['lb', 'api3'],
    ['api1', 'cache'],
    ['api2', 'cache'],
    ['api3', 'jobs'],
    ['cache', 'db'],
    ['jobs', 'mailer'],
  ],
);

describe('left-to-right layout', () => {
  it('puts a chain client → lb → service → db in increasing x on one row', () => {
    const doc = graph({ db: 'DATABASE', svc: 'SERVICE', lb: 'LOAD_BALANCER', client: 'CLIENT' }, [
      ['client', 'lb'],
      ['lb', 'svc'],
      ['svc', 'db'],
    ]);
    const p = layoutLeftToRight(doc);
    expect(p.get('client')!.x).toBeLessThan(p.get('lb')!.x);
    expect(p.get('lb')!.x).toBeLessThan(p.get('svc')!.x);
    expect(p.get('svc')!.x).toBeLessThan(p.get('db')!.x);
    expect(new Set([...p.values()].map((q) => q.y)).size).toBe(1);
  });

  it('places a component in the column of its longest path from a client, columns layerSpacing apart', () => {
    const doc = graph({ client: 'CLIENT', api: 'SERVICE', auth: 'SERVICE', db: 'DATABASE' }, [
      ['client', 'api'],
      ['api', 'auth'],
      ['auth', 'db'],
      ['api', 'db'],
    ]);
    const p = layoutLeftToRight(doc, { origin: { x: 0, y: 0 }, layerSpacing: 300 });
    expect(['client', 'api', 'auth', 'db'].map((id) => p.get(id)!.x)).toEqual([0, 300, 600, 900]);
  });

  it('sends every connection rightwards: each caller sits left of its callee', () => {
    const p = layoutLeftToRight(shop);
    for (const { source, target } of shop.connections) {
      expect(p.get(source)!.x).toBeLessThan(p.get(target)!.x);
    }
  });

  it('keeps every client in the first column, even one calling straight into a deep component', () => {
    const doc = graph({ web: 'CLIENT', lb: 'LOAD_BALANCER', api: 'SERVICE', db: 'DATABASE', batch: 'CLIENT' }, [
      ['web', 'lb'],
      ['lb', 'api'],
      ['api', 'db'],
      ['batch', 'db'],
    ]);
    const p = layoutLeftToRight(doc, { origin: { x: 0, y: 0 } });
    expect(p.get('web')!.x).toBe(0);
    expect(p.get('batch')!.x).toBe(0);
    expect(p.get('db')!.x).toBe(3 * DEFAULT_LAYER_SPACING);
  });

  it('stacks a fan-out one row apart and centres the caller on it', () => {
    const doc = graph({ client: 'CLIENT', lb: 'LOAD_BALANCER', a: 'SERVICE', b: 'SERVICE', c: 'SERVICE' }, [
      ['client', 'lb'],
      ['lb', 'a'],
      ['lb', 'b'],
      ['lb', 'c'],
    ]);
    const p = layoutLeftToRight(doc, { origin: { x: 0, y: 0 }, rowSpacing: 100 });
    expect(['a', 'b', 'c'].map((id) => p.get(id)!.y).sort((m, n) => m - n)).toEqual([0, 100, 200]);
    expect(p.get('lb')!.y).toBe(100);
    expect(p.get('client')!.y).toBe(100);
  });

  it('never lets two components overlap', () => {
    const boxes = [...layoutLeftToRight(shop)].map(([id, position]) => ({ id, box: componentBox({ position }) }));
    for (const a of boxes) {
      for (const b of boxes) if (a.id < b.id) expect([a.id, b.id, boxesIntersect(a.box, b.box)]).toEqual([a.id, b.id, false]);
    }
  });

  it('places components without connections too, apart from the rest', () => {
    const doc = graph({ client: 'CLIENT', api: 'SERVICE', spare: 'SERVICE', notes: 'DATABASE' }, [['client', 'api']]);
    const p = layoutLeftToRight(doc);
    expect([...p.keys()].sort()).toEqual(['api', 'client', 'notes', 'spare']);
    expect(new Set([...p.values()].map((q) => `${q.x},${q.y}`)).size).toBe(4);
  });

  it('puts the top-left of the layout at the given origin', () => {
    const p = [...layoutLeftToRight(shop, { origin: { x: -40, y: 500 } }).values()];
    expect(Math.min(...p.map((q) => q.x))).toBe(-40);
    expect(Math.min(...p.map((q) => q.y))).toBe(500);
  });

  it('stays where the design was: the default origin is the design’s current top-left', () => {
    const moved = { ...shop, components: shop.components.map((c, i) => ({ ...c, position: { x: 900 + i * 10, y: 300 - i } })) };
    const p = [...layoutLeftToRight(moved).values()];
    expect(Math.min(...p.map((q) => q.x))).toBe(900);
    expect(Math.min(...p.map((q) => q.y))).toBe(300 - (shop.components.length - 1));
  });

  it('terminates on a cycle through a queue and still runs it left to right from the client', () => {
    const doc = graph({ worker: 'SERVICE', jobs: 'QUEUE', api: 'SERVICE', client: 'CLIENT' }, [
      ['worker', 'api'],
      ['client', 'api'],
      ['api', 'jobs'],
      ['jobs', 'worker'],
    ]);
    const p = layoutLeftToRight(doc);
    const xs = ['client', 'api', 'jobs', 'worker'].map((id) => p.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
  });

  it('breaks a queue cycle where the clients’ traffic enters it, even when an uncalled component leads into it first', () => {
    const doc = graph({ cron: 'SERVICE', worker: 'SERVICE', jobs: 'QUEUE', api: 'SERVICE', client: 'CLIENT' }, [
      ['cron', 'worker'],
      ['worker', 'api'],
      ['jobs', 'worker'],
      ['api', 'jobs'],
      ['client', 'api'],
    ]);
    const p = layoutLeftToRight(doc);
    const xs = ['client', 'api', 'jobs', 'worker'].map((id) => p.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(p.get('cron')!.x).toBeLessThan(p.get('worker')!.x);
  });

  it('tolerates a half-drawn design: dangling, duplicate and self connections are ignored', () => {
    const doc = graph({ client: 'CLIENT', api: 'SERVICE' }, [
      ['client', 'api'],
      ['client', 'api'],
      ['api', 'api'],
      ['api', 'gone'],
    ]);
    const p = layoutLeftToRight(doc);
    expect(p.get('client')!.x).toBeLessThan(p.get('api')!.x);
    expect(p.size).toBe(2);
  });

  it('returns no positions for an empty design', () => {
    expect(layoutLeftToRight(graph({}, [])).size).toBe(0);
  });

  it('gives the same whole-number positions every time, wherever the components were', () => {
    const scattered = { ...shop, components: shop.components.map((c, i) => ({ ...c, position: { x: (i * 37) % 100, y: 0 } })) };
    const first = layoutLeftToRight(shop);
    expect(layoutLeftToRight(shop)).toEqual(first);
    expect(layoutLeftToRight(scattered, { origin: { x: 0, y: 0 } })).toEqual(first);
    for (const { x, y } of first.values()) expect([Number.isInteger(x), Number.isInteger(y)]).toEqual([true, true]);
  });
});
