import { createSampler, type Sampler } from '../random/distributions';
import type { Rng } from '../random/rng';
import type { NodeStats } from '../metrics/node-stats';
import { CallPhase, type Call, type Outcome } from './call';
import type { SimContext } from './context';
import type { LoadBalancerSpec } from './design';
import type { Link } from './link';
import { SimNode } from './node';

/**
 * LOAD_BALANCER: forwards every call to one downstream chosen by its strategy — smooth weighted
 * round-robin (nginx's), weighted random, or least connections (fewest outstanding calls per
 * unit of weight, ties to the earliest). It never queues: an optional `serviceTime` is a pure
 * delay (an infinite-server station). A `rateLimit` throttles calls on arrival.
 */
export class LoadBalancer extends SimNode {
  private readonly strategy: 'round_robin' | 'random' | 'least_connections';
  private readonly sampler: Sampler | null;
  private readonly rng: Rng;
  private current: number[] = [];

  constructor(ctx: SimContext, spec: LoadBalancerSpec, stats: NodeStats) {
    super(ctx, spec, stats);
    this.strategy = spec.properties.strategy;
    this.sampler = spec.properties.serviceTime ? createSampler(spec.properties.serviceTime) : null;
    this.rng = ctx.stream(this, 'service');
  }

  receive(call: Call): void {
    this.stats.arrival();
    if (this.down) {
      this.ctx.respond(call, 'unavailable');
      return;
    }
    if (!this.admits(call)) return;
    const pFail = this.failureProbability(0);
    if (pFail > 0 && this.rng.next() < pFail) {
      call.phase = CallPhase.Done;
      this.ctx.respond(call, 'error');
      return;
    }
    if (this.sampler) {
      call.phase = CallPhase.InService;
      const delay = this.sampler.sample(this.rng) * this.slowdownFactor + this.extraDelayMs;
      this.ctx.scheduler.scheduleIn(delay, this.ctx.events.serviceDone, call);
    } else if (this.extraDelayMs > 0) {
      call.phase = CallPhase.InService;
      this.ctx.scheduler.scheduleIn(this.extraDelayMs, this.ctx.events.serviceDone, call);
    } else {
      this.forward(call);
    }
  }

  override onServiceDone(call: Call): void {
    if (call.phase !== CallPhase.InService) return;
    this.forward(call);
  }

  onDownstreamResult(call: Call, outcome: Outcome): void {
    if (call.phase !== CallPhase.AwaitingDownstream) return;
    this.ctx.respond(call, outcome === 'ok' ? 'ok' : 'downstream_error');
  }

  override concurrency(): number {
    let total = 0;
    for (const link of this.downstream) total += link.target.concurrency();
    return total;
  }

  override pickDownstream(): Link {
    const links = this.downstream;
    if (links.length === 1) return links[0];
    if (this.strategy === 'random') return super.pickDownstream();
    if (this.strategy === 'least_connections') return this.leastConnections(links);
    return this.smoothRoundRobin(links);
  }

  private forward(call: Call): void {
    call.phase = CallPhase.AwaitingDownstream;
    this.ctx.call(call, this.pickDownstream());
  }

  private smoothRoundRobin(links: Link[]): Link {
    if (this.current.length !== links.length) this.current = links.map(() => 0);
    let total = 0;
    let best = 0;
    for (let i = 0; i < links.length; i++) {
      this.current[i] += links[i].weight;
      total += links[i].weight;
      if (this.current[i] > this.current[best]) best = i;
    }
    this.current[best] -= total;
    return links[best];
  }

  private leastConnections(links: Link[]): Link {
    let best = links[0];
    let bestLoad = best.inFlight / best.weight;
    for (let i = 1; i < links.length; i++) {
      const load = links[i].inFlight / links[i].weight;
      if (load < bestLoad) {
        best = links[i];
        bestLoad = load;
      }
    }
    return best;
  }
}
