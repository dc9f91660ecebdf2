import { COMPONENT_TYPES, validateDesign, type ComponentType } from '@architech/contracts';
import { createComponent } from './component-defaults';
import { emptyDocument, toDesign } from './document';

describe('default properties of a new component', () => {
  it('pass validateDesign for every component type once wired up', () => {
    const components = COMPONENT_TYPES.map((type, i) => createComponent(type, `c${i}`, { x: i * 200, y: 0 }));
    const byType = new Map(components.map((c) => [c.type, c.id]));
    const wire = (from: ComponentType, to: ComponentType) => {
      const [source, target] = [byType.get(from)!, byType.get(to)!];
      return { id: `${source}>${target}`, source, target, properties: {} };
    };
    const doc = {
      ...emptyDocument(),
      components,
      connections: [
        wire('CLIENT', 'LOAD_BALANCER'),
        wire('LOAD_BALANCER', 'SERVICE'),
        wire('SERVICE', 'CACHE'),
        wire('CACHE', 'DATABASE'),
        wire('SERVICE', 'QUEUE'),
        wire('QUEUE', 'DATABASE'),
      ],
    };
    expect(validateDesign(toDesign(doc))).toMatchObject({ ok: true, warnings: [] });
  });

  it('give a service 10 ms exponential service time and a client 50 req/s Poisson arrivals', () => {
    expect(createComponent('SERVICE', 's', { x: 0, y: 0 }).properties).toMatchObject({ serviceTime: { dist: 'exponential', mean: 10 } });
    expect(createComponent('CLIENT', 'c', { x: 0, y: 0 }).properties).toEqual({ arrival: { process: 'poisson', ratePerSec: 50 } });
  });
});
