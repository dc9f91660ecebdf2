import { DEFAULTS } from './defaults';
import type { Component, Connection, Design } from './design.schema';

/** A connection's properties with every default filled in, as the engine reads them. */
export type ResolvedConnectionProperties = Required<Omit<Connection['properties'], 'latency'>> & Pick<Connection['properties'], 'latency'>;

/** A connection as the engine takes it: its call role (`weight`, `stage`, `probability`, `optional`) resolved. */
export type ResolvedConnection = Omit<Connection, 'properties'> & { properties: ResolvedConnectionProperties };

/**
 * The engine's input: a validated design with every default applied. The schema leaves a
 * connection's call-role fields as written, so that re-validating a stored design can still name
 * a misplaced `weight` or `stage`; {@link resolveDesign} fills them in.
 */
export type ResolvedDesign = Omit<Design, 'connections'> & { connections: ResolvedConnection[] };

/** The design's component of one type (`ComponentOf<'CACHE'>`), for the engine's models. */
export type ComponentOf<T extends Component['type']> = Extract<Component, { type: T }>;

/**
 * Fills in the defaults the schema leaves to the run (the connections' call roles). Call it once,
 * where a validated design is handed to the engine (the CLI, the simulations workers, the editor's
 * preview).
 *
 * @example simulate(resolveDesign(validateDesign(input).value), config)
 */
export function resolveDesign(design: Design): ResolvedDesign {
  const d = DEFAULTS.connection;
  return {
    ...design,
    connections: design.connections.map((connection) => {
      const p = connection.properties;
      return {
        ...connection,
        properties: {
          ...p,
          weight: p.weight ?? d.weight,
          stage: p.stage ?? d.stage,
          probability: p.probability ?? d.probability,
          optional: p.optional ?? d.optional,
        },
      };
    }),
  };
}
