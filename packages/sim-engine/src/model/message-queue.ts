import { Fifo } from '../core/fifo';
import type { NodeStats } from '../metrics/node-stats';
import { CallPhase, type Call, type Outcome } from './call';
import type { SimContext } from './context';
import type { QueueSpec } from './design';
import type { Link } from './link';
import { SimNode, type CrashToken } from './node';

/**
 * QUEUE: asynchronous hand-off. A producer's call completes as soon as its message is stored
 * (or is dropped when `capacity` messages wait). Consumers (the downstream components) take
 * messages as they have capacity: at most `consumerConcurrency` — by default the consumer's
 * workers in rotation — outstanding deliveries each. A failed delivery goes back to the end of the
 * queue until `maxDeliveries`, then to the dead letters (counted as errors). Each delivery is
 * its own trace, linked to the producer's. A crashed queue refuses producers but keeps its
 * messages (a durable broker).
 */
export class MessageQueue extends SimNode {
  private readonly backlog = new Fifo<Call>();
  private readonly capacity: number;
  private readonly maxDeliveries: number;
  private readonly fixedConcurrency: number | undefined;
  private roundRobin = 0;
  private dispatching = false;
  private dispatchAgain = false;

  constructor(ctx: SimContext, spec: QueueSpec, stats: NodeStats) {
    super(ctx, spec, stats);
    // No capacity is an unbounded backlog (not a default: the absence is the setting).
    this.capacity = spec.properties.capacity ?? Infinity;
    this.maxDeliveries = spec.properties.maxDeliveries;
    this.fixedConcurrency = spec.properties.consumerConcurrency;
  }

  receive(call: Call): void {
    const now = this.ctx.scheduler.now;
    this.stats.arrival();
    if (this.down) {
      this.ctx.respond(call, 'unavailable');
      return;
    }
    if (this.backlog.length >= this.capacity) {
      this.stats.drop();
      this.ctx.logNoisy('drop', this, `${this.id}: queue full (${this.capacity} messages), message dropped`);
      this.ctx.respond(call, 'dropped');
      return;
    }
    const trace = this.ctx.startTrace(call.hop, call.trace.serial);
    const message = this.ctx.rootCall(trace, this);
    message.arrivedMs = now;
    message.phase = CallPhase.Queued;
    this.backlog.push(message);
    this.stats.queued.add(now, 1);
    // The producer's call ends here; the queue's own completions count consumed messages.
    this.ctx.respond(call, 'ok', false);
    this.dispatch();
  }

  onDownstreamResult(message: Call, outcome: Outcome): void {
    const now = this.ctx.scheduler.now;
    this.stats.busy.add(now, -1);
    if (outcome === 'ok') {
      this.stats.completion(now - message.arrivedMs);
      message.endMs = now;
      this.ctx.finishTrace(message.trace, message, 'ok');
    } else if (message.deliveries < this.maxDeliveries) {
      message.phase = CallPhase.Queued;
      this.backlog.push(message);
      this.stats.queued.add(now, 1);
    } else {
      this.stats.error();
      message.endMs = now;
      this.ctx.log('warn', 'dead_letter', this.id, `${this.id}: message dead-lettered after ${message.deliveries} deliveries (${outcome})`, { deliveries: message.deliveries, outcome });
      this.ctx.finishTrace(message.trace, message, 'dead_letter');
    }
    this.dispatch();
  }

  override recover(token: CrashToken): void {
    super.recover(token);
    this.dispatch();
  }

  override onConsumerCapacity(): void {
    this.dispatch();
  }

  /**
   * Hands messages to consumers with spare capacity. A delivery can fail synchronously (an open
   * breaker) and re-enter here; re-entry only flags another pass, so the stack stays flat.
   * Queue depth is what waits; the "busy" integral counts outstanding deliveries.
   */
  private dispatch(): void {
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = true;
    do {
      this.dispatchAgain = false;
      this.dispatchPass();
    } while (this.dispatchAgain);
    this.dispatching = false;
  }

  private dispatchPass(): void {
    if (this.down) return;
    const links = this.downstream;
    const now = this.ctx.scheduler.now;
    let idle = 0;
    while (this.backlog.length > 0 && idle < links.length) {
      const link = links[this.roundRobin % links.length];
      this.roundRobin = (this.roundRobin + 1) % links.length;
      const breaker = link.target.breaker;
      if (!link.target.isAvailable() || (breaker !== null && !breaker.admitsTraffic()) || link.inFlight >= this.limit(link)) {
        idle++;
        continue;
      }
      idle = 0;
      const message = this.backlog.shift() as Call;
      this.stats.queued.add(now, -1);
      this.stats.busy.add(now, 1);
      message.deliveries++;
      message.phase = CallPhase.AwaitingDownstream;
      this.ctx.call(message, link);
    }
    this.updateCapacity(now);
  }

  private limit(link: Link): number {
    return this.fixedConcurrency ?? link.target.concurrency();
  }

  private updateCapacity(now: number): void {
    let total = 0;
    for (const link of this.downstream) {
      const l = this.limit(link);
      total += Number.isFinite(l) ? l : 0;
    }
    if (total !== this.stats.capacity.value) this.stats.capacity.set(now, total);
  }
}
