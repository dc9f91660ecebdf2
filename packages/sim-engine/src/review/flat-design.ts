import { resolveDesign, type Design } from '@architech/contracts';
import type { ComponentSpec as EngineComponent, DesignSpec as EngineDesign } from '../model/design';

/*
 * The review rules and the refine loop read a component's properties as one bag whatever its type
 * (a rule asks "how many replicas, which timeout?" of any component and treats a missing field as
 * not set). The engine's input types are the contracts' own, a union by component type; these
 * views flatten that union's properties into one type with every field optional, so each rule need
 * not narrow on `type` before reading a field. Any validated design is assignable to them.
 */

type Props = EngineComponent['properties'];
type KeysOf<T> = T extends unknown ? keyof T : never;
type ValueOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** Every property any component type has, each optional. */
export type ComponentPropertiesSpec = { [K in KeysOf<Props>]?: ValueOf<Props, K> };
export type ComponentSpec = Omit<EngineComponent, 'properties'> & { properties: ComponentPropertiesSpec };
/** A validated design, its connections' call roles resolved or not (`engineDesign` resolves them). */
export type DesignSpec = Omit<Design, 'components'> & { components: ComponentSpec[] };

/** A design read or edited through the flat view, as the engine takes it: call roles resolved. */
export function engineDesign(design: DesignSpec): EngineDesign {
  return resolveDesign(design as unknown as Design);
}

/** A connection as validated: its call roles (`weight`, `stage`, `probability`, `optional`) may be unset. */
export type ConnectionSpec = Design['connections'][number];
