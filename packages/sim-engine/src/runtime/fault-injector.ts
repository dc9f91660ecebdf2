import type { FaultWindowDto } from '@architech/contracts';
import type { FaultSpec } from '../model/design';
import type { Link } from '../model/link';
import type { CrashToken, SimNode } from '../model/node';
import type { SimContext } from '../model/context';

/** A fault's window as it happened, for annotations. */
export type FaultWindow = FaultWindowDto;

interface ActiveFault {
  spec: FaultSpec;
  node: SimNode | null;
  links: Link[];
  /** What a crash took down, to bring back exactly that. */
  crashed: CrashToken | null;
}

/**
 * Applies faults at their start and lifts them at their end. Overlapping faults combine: error
 * and loss rates as independent probabilities, slowdowns multiply, delays add.
 */
export class FaultInjector {
  private readonly active: ActiveFault[] = [];
  readonly windows: FaultWindow[] = [];

  constructor(
    private readonly ctx: SimContext,
    private readonly nodes: Map<string, SimNode>,
    private readonly links: Map<string, Link>,
  ) {}

  /** Schedules every fault that starts before the end of the run. */
  schedule(faults: readonly FaultSpec[], startKind: number, endKind: number): void {
    const endMs = this.ctx.endMs;
    for (const spec of faults) {
      const startMs = spec.startSec * 1000;
      if (startMs >= endMs) continue;
      const node = this.nodes.get(spec.target) ?? null;
      const links = node ? [...node.upstream, ...node.downstream] : [this.links.get(spec.target) as Link];
      const fault: ActiveFault = { spec, node, links, crashed: null };
      this.ctx.scheduler.schedule(startMs, startKind, fault);
      const stopMs = spec.durationSec === undefined ? Infinity : startMs + spec.durationSec * 1000;
      if (stopMs < endMs) this.ctx.scheduler.schedule(stopMs, endKind, fault);
      const params: Record<string, number> = {};
      for (const [k, v] of Object.entries(spec)) if (typeof v === 'number' && k !== 'startSec' && k !== 'durationSec') params[k] = v;
      this.windows.push({ type: spec.type, target: spec.target, startSec: spec.startSec, endSec: Math.min(stopMs, endMs) / 1000, params });
    }
  }

  start(fault: ActiveFault): void {
    const { spec, node } = fault;
    this.active.push(fault);
    if (spec.type === 'crash' && node) {
      fault.crashed = node.crash(spec.replicas);
      const n = fault.crashed.replicas.length;
      this.ctx.log('error', 'fault_start', spec.target, `fault ${spec.type} started on ${spec.target}: ${spec.replicas === undefined ? 'all replicas' : `${n} replica(s)`} down`, { fault: spec.type, replicas: n });
    } else {
      this.apply(spec.target);
      this.ctx.log('warn', 'fault_start', spec.target, `fault ${spec.type} started on ${spec.target}`, { fault: spec.type });
    }
  }

  end(fault: ActiveFault): void {
    const index = this.active.indexOf(fault);
    if (index >= 0) this.active.splice(index, 1);
    const { spec, node } = fault;
    if (spec.type === 'crash' && node && fault.crashed) node.recover(fault.crashed);
    else this.apply(spec.target);
    this.ctx.log('info', 'fault_end', spec.target, `fault ${spec.type} ended on ${spec.target}`, { fault: spec.type });
  }

  /** Recomputes the combined effect of the faults active on one target. */
  private apply(target: string): void {
    const node = this.nodes.get(target);
    const mine = this.active.filter((f) => f.spec.target === target);
    if (node) {
      let errorSurvive = 1;
      let slowdown = 1;
      let delay = 0;
      for (const { spec } of mine) {
        if (spec.type === 'error') errorSurvive *= 1 - spec.rate;
        if (spec.type === 'slowdown') slowdown *= spec.factor;
        if (spec.type === 'latency') delay += spec.delayMs;
      }
      node.faultErrorRate = 1 - errorSurvive;
      node.slowdownFactor = slowdown;
      node.extraDelayMs = delay;
    }
    const links = node ? [...node.upstream, ...node.downstream] : [this.links.get(target) as Link];
    for (const link of links) this.applyToLink(link);
  }

  private applyToLink(link: Link): void {
    let survive = 1;
    let partitions = 0;
    let delay = 0;
    for (const { spec, node, links } of this.active) {
      if (!links.includes(link)) continue;
      if (spec.type === 'packet_loss') survive *= 1 - spec.rate;
      if (spec.type === 'partition') partitions++;
      if (spec.type === 'latency' && node === null) delay += spec.delayMs;
    }
    link.applyFaults(1 - survive, partitions, delay);
  }
}
