import { createComponent } from './component-defaults';
import type { ComponentType } from './contracts';
import type { EditorDocument } from './document';
import { layoutLeftToRight } from './layout';

function graph(types: Record<string, ComponentType>, edges: [string, string][]): EditorDocument {
  return {
    name: '',
    components: Object.entries(types).map(([id, type]) => createComponent(type, id, { x: 0, y: 0 })),
    connections: edges.map(([source, target]) => ({ id: `${source}>${target}`, source, target, properties: {} })),
  };
}

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

  it('places a component in the column of its longest path from a client', () => {
    const doc = graph({ client: 'CLIENT', api: 'SERVICE', auth: 'SERVICE', db: 'DATABASE' }, [
      ['client', 'api'],
      ['api', 'auth'],
      ['auth', 'db'],
      ['api', 'db'],
    ]);
    const p = layoutLeftToRight(doc, { origin: { x: 0, y: 0 }, layerSpacing: 100 });
    expect(['client', 'api', 'auth', 'db'].map((id) => p.get(id)!.x)).toEqual([0, 100, 200, 300]);
  });

  it('stacks a column in document order, centred on the tallest column', () => {
    const doc = graph({ client: 'CLIENT', lb: 'LOAD_BALANCER', a: 'SERVICE', b: 'SERVICE', c: 'SERVICE' }, [
      ['client', 'lb'],
      ['lb', 'a'],
      ['lb', 'b'],
      ['lb', 'c'],
    ]);
    const p = layoutLeftToRight(doc, { origin: { x: 0, y: 0 }, rowSpacing: 100 });
    expect(['a', 'b', 'c'].map((id) => p.get(id)!.y)).toEqual([0, 100, 200]);
    expect(p.get('lb')!.y).toBe(100);
  });

  it('terminates on a cycle through a queue and still runs it left to right', () => {
    const doc = graph({ client: 'CLIENT', api: 'SERVICE', jobs: 'QUEUE', worker: 'SERVICE' }, [
      ['client', 'api'],
      ['api', 'jobs'],
      ['jobs', 'worker'],
      ['worker', 'api'],
    ]);
    const p = layoutLeftToRight(doc);
    const xs = ['client', 'api', 'jobs', 'worker'].map((id) => p.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
  });

  it('gives the same positions every time', () => {
    const doc = graph({ client: 'CLIENT', a: 'SERVICE', b: 'SERVICE' }, [['client', 'b'], ['client', 'a']]);
    expect(layoutLeftToRight(doc)).toEqual(layoutLeftToRight(doc));
  });
});
