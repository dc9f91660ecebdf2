import type { ComponentType } from './contracts';
import type { EditorComponent } from './document';
import type { Point } from './geometry';

/**
 * A new component of `type` with default properties that `validateDesign` accepts, so a design
 * assembled from fresh components is runnable as soon as it is wired up: a CLIENT sends 50 req/s
 * (Poisson), a SERVICE or DATABASE has one replica with one worker taking 10 ms on average
 * (exponential), a CACHE hits 80 % taking 1 ms, a LOAD_BALANCER goes round robin.
 */
export function createComponent(type: ComponentType, id: string, position: Point): EditorComponent {
  switch (type) {
    case 'CLIENT':
      return { id, type, position, properties: { arrival: { process: 'poisson', ratePerSec: 50 } } };
    case 'LOAD_BALANCER':
      return { id, type, position, properties: { strategy: 'round_robin' } };
    case 'SERVICE':
    case 'DATABASE':
      return { id, type, position, properties: { replicas: 1, workers: 1, serviceTime: { dist: 'exponential', mean: 10 } } };
    case 'CACHE':
      return { id, type, position, properties: { hitRatio: 0.8, serviceTime: { dist: 'exponential', mean: 1 } } };
    case 'QUEUE':
      return { id, type, position, properties: {} };
  }
}
