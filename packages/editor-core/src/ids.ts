import type { ComponentType } from './contracts';
import type { EditorDocument } from './document';

/**
 * Makes identifiers. Injected so that the editor stays deterministic in tests and the app can
 * choose its own scheme; a result must match the contract's id pattern (letters, digits, `_.:->`).
 * It may repeat an id already in the document: callers skip those.
 */
export type IdGenerator = (prefix: string) => string;

/** The id prefix of each component type (`service-3`, `lb-1`). */
export const ID_PREFIX: Readonly<Record<ComponentType, string>> = {
  CLIENT: 'client',
  LOAD_BALANCER: 'lb',
  SERVICE: 'service',
  DATABASE: 'db',
  CACHE: 'cache',
  QUEUE: 'queue',
};

/** The id prefix of connections. */
export const CONNECTION_ID_PREFIX = 'conn';

/** Attempts {@link freshId} makes before it decides the generator is broken. */
export const MAX_ID_ATTEMPTS = 10_000;

/** Thrown when an {@link IdGenerator} keeps returning ids that are taken. */
export class IdGeneratorExhaustedError extends Error {
  readonly code = 'id_generator_exhausted';

  constructor(prefix: string) {
    super(`the id generator returned ${MAX_ID_ATTEMPTS} taken ids in a row for prefix '${prefix}'`);
    this.name = 'IdGeneratorExhaustedError';
  }
}

/**
 * A generator counting per prefix: `service-1`, `service-2`, `lb-1`, … Deterministic, so the
 * natural choice for tests; the app may pass one seeded with the highest numbers already in use.
 */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}-${n}`;
  };
}

/** Every id the document uses, components and connections together (they share one namespace). */
export function takenIds(doc: EditorDocument): Set<string> {
  return new Set([...doc.components.map((c) => c.id), ...doc.connections.map((c) => c.id)]);
}

/** A new id not in `taken`, which it then joins. */
export function freshId(createId: IdGenerator, prefix: string, taken: Set<string>): string {
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const id = createId(prefix);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
  throw new IdGeneratorExhaustedError(prefix);
}
