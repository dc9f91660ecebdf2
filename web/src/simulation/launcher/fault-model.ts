import { COMPONENT_FAULT_TARGETS, CONNECTION_FAULTS, FAULT_TYPES, type Fault, type FaultType } from '@architech/contracts';

/** Something a fault can target: a component or a connection of the design. */
export interface FaultTarget {
  readonly id: string;
  readonly label: string;
  readonly kind: 'component' | 'connection';
  /** Component type, for components. */
  readonly type?: string;
}

/** A fault as the editor holds it: the contract's fault with a stable key for React and selection. */
export type DraftFault = Fault & { readonly key: number };

/** The numeric parameter each fault type takes, with its label, unit, default and bounds (every default is valid: the launcher's own validation, not the browser's step rules, judges the field). */
export const FAULT_PARAMETER: Record<FaultType, { name: 'replicas' | 'delayMs' | 'rate' | 'factor'; label: string; default: number; min: number; max?: number} | undefined> = {
  crash: { name: 'replicas', label: 'Replicas crashed (empty: all)', default: 0, min: 1 },
  latency: { name: 'delayMs', label: 'Added delay (ms)', default: 200, min: 1 },
  error: { name: 'rate', label: 'Error rate (0–1)', default: 1, min: 0.001, max: 1 },
  packet_loss: { name: 'rate', label: 'Loss rate (0–1)', default: 0.2, min: 0.001, max: 1 },
  partition: undefined,
  slowdown: { name: 'factor', label: 'Slowdown factor (×)', default: 2, min: 1 },
};

/** Fault types that apply to `target` (the same rules the API enforces). */
export function faultTypesFor(target: FaultTarget): FaultType[] {
  if (target.kind === 'connection') return FAULT_TYPES.filter((t) => CONNECTION_FAULTS.has(t));
  return FAULT_TYPES.filter((t) => COMPONENT_FAULT_TARGETS[t].includes(target.type ?? ''));
}

/** A new fault of `type` on `target`, placed in the middle third of the run. */
export function newFault(key: number, type: FaultType, target: string, durationSec: number): DraftFault {
  const startSec = Math.round(durationSec / 3);
  const length = Math.max(1, Math.round(durationSec / 5));
  const base = { key, target, startSec, durationSec: length };
  const parameter = FAULT_PARAMETER[type];
  if (!parameter || type === 'crash') return { ...base, type } as DraftFault;
  return { ...base, type, [parameter.name]: parameter.default } as DraftFault;
}

/** The fault without the editor's key, as the API takes it. */
export function toFault({ key: _key, ...fault }: DraftFault): Fault {
  return fault as Fault;
}

/** "crash 30–50 s", "latency +200 ms 10 s–end". */
export function describeFault(fault: Fault, runSec: number): string {
  const end = fault.durationSec === undefined ? 'end' : `${fault.startSec + fault.durationSec} s`;
  const what =
    fault.type === 'latency' ? `latency +${fault.delayMs} ms` : fault.type === 'error' ? `errors ${Math.round(fault.rate * 100)}%` : fault.type === 'packet_loss' ? `loss ${Math.round(fault.rate * 100)}%` : fault.type === 'slowdown' ? `slowdown ×${fault.factor}` : fault.type === 'crash' && fault.replicas ? `crash ${fault.replicas} replica${fault.replicas === 1 ? '' : 's'}` : fault.type;
  return `${what} ${fault.startSec} s–${fault.durationSec === undefined && runSec ? 'end' : end}`;
}

/** Moves or resizes a fault by whole seconds, keeping it inside [0, runSec] and at least 1 s long. */
export function shiftFault(fault: DraftFault, edit: { moveSec?: number; growStartSec?: number; growEndSec?: number }, runSec: number): DraftFault {
  const length = fault.durationSec ?? Math.max(1, runSec - fault.startSec);
  let start = fault.startSec;
  let end = fault.startSec + length;
  if (edit.moveSec) {
    const move = Math.max(-start, Math.min(runSec - end, edit.moveSec));
    start += move;
    end += move;
  }
  if (edit.growStartSec) start = Math.max(0, Math.min(end - 1, start + edit.growStartSec));
  if (edit.growEndSec) end = Math.max(start + 1, Math.min(runSec, end + edit.growEndSec));
  return { ...fault, startSec: Math.round(start), durationSec: Math.round(end - start) };
}
