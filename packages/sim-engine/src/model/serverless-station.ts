import type { NodeStats } from '../metrics/node-stats';
import { createSampler, type Sampler } from '../random/distributions';
import type { Rng } from '../random/rng';
import type { Call } from './call';
import type { SimContext } from './context';
import type { ServerlessSpec, StationSpec } from './design';
import type { Replica } from './replica';
import { ServerlessInstance, type InstanceOwner } from './serverless-instance';
import { Station } from './station';

/**
 * A SERVICE, DATABASE or CACHE with `serverless`: no fixed replicas, instances start on demand.
 * A call goes to the most recently freed warm instance with a free slot (of
 * `concurrencyPerInstance`); with none, and fewer than `maxConcurrency` calls in flight, a new
 * instance starts and the call waits its `coldStart` draw on top of its service time (later calls
 * placed on a still-starting instance wait for the rest of it); otherwise the call is throttled.
 * A call holds its slot until it is answered (an invocation lasts until the function returns), and
 * an instance idle for `idleTimeoutSec` is reclaimed. A crash kills live instances (all of them, or
 * `replicas` of them): their calls end `crashed` and later calls start new instances.
 */
export class ServerlessStation extends Station implements InstanceOwner {
  private readonly maxConcurrency: number;
  private readonly idleTimeoutMs: number;
  private readonly coldStart: Sampler;
  private readonly coldRng: Rng;
  /** Live instances with a free slot; the most recently freed on top. */
  private readonly free: ServerlessInstance[] = [];
  /** Reclaimed instances, reused by the next starts. */
  private readonly spare: ServerlessInstance[] = [];
  private live = 0;

  constructor(ctx: SimContext, spec: StationSpec, stats: NodeStats, trackInFlight: boolean) {
    super(ctx, spec, stats, trackInFlight);
    const policy = spec.properties.serverless as ServerlessSpec;
    this.maxConcurrency = policy.maxConcurrency;
    this.idleTimeoutMs = policy.idleTimeoutSec * 1000;
    this.coldStart = createSampler(policy.coldStart);
    this.coldRng = ctx.stream(this, 'cold-start');
    stats.billsInvocations = true;
  }

  protected override admit(call: Call): void {
    const now = this.ctx.scheduler.now;
    // Every call in flight holds a slot, so busy slots are the calls in flight.
    if (this.stats.busy.value >= this.maxConcurrency) {
      this.throttle(call, `concurrency limit of ${this.maxConcurrency} reached`);
      return;
    }
    let instance = this.free.length > 0 ? this.free[this.free.length - 1] : null;
    let waitMs = 0;
    if (instance === null) {
      instance = this.launch(now);
      waitMs = instance.readyAtMs - now;
    } else if (instance.readyAtMs > now) {
      waitMs = instance.readyAtMs - now;
    }
    call.replica = instance.index;
    call.epoch = instance.epoch;
    instance.inFlight?.add(call);
    this.startService(call, instance, waitMs);
    if (instance.busy >= this.workers) this.free.pop();
  }

  /** Starts an instance (reusing a reclaimed one): it serves after a cold start, counted now. */
  private launch(now: number): ServerlessInstance {
    let instance = this.spare.pop();
    if (instance === undefined) {
      instance = new ServerlessInstance(this.replicas.length, this.trackInFlight, this);
      this.replicas.push(instance);
    }
    instance.active = true;
    instance.readyAtMs = now + this.coldStart.sample(this.coldRng);
    this.free.push(instance);
    this.stats.coldStart();
    this.setLive(this.live + 1);
    return instance;
  }

  protected override slotFreed(replica: Replica): void {
    const instance = replica as ServerlessInstance;
    if (instance.busy === this.workers - 1) this.free.push(instance);
    if (instance.busy > 0) return;
    instance.idleSinceMs = this.ctx.scheduler.now;
    if (!instance.reclaimScheduled) this.scheduleReclaim(instance, instance.idleSinceMs + this.idleTimeoutMs);
  }

  reclaimIfIdle(instance: ServerlessInstance): void {
    instance.reclaimScheduled = false;
    if (!instance.active || instance.busy > 0) return;
    const dueMs = instance.idleSinceMs + this.idleTimeoutMs;
    if (this.ctx.scheduler.now < dueMs) this.scheduleReclaim(instance, dueMs);
    else this.retire(instance);
  }

  private scheduleReclaim(instance: ServerlessInstance, atMs: number): void {
    instance.reclaimScheduled = true;
    this.ctx.scheduler.schedule(atMs, this.ctx.events.instanceIdle, instance);
  }

  /** Takes a live instance out of service (reclaimed or crashed); it becomes a spare. */
  private retire(instance: ServerlessInstance): void {
    const at = this.free.lastIndexOf(instance);
    if (at >= 0) this.free.splice(at, 1);
    instance.active = false;
    this.setLive(this.live - 1);
  }

  /** Kills up to `count` live instances (none is held down: the platform starts fresh ones on demand). */
  protected override crashReplicas(count: number): number[] {
    let killed = 0;
    for (const replica of this.replicas) {
      if (killed >= count) break;
      if (!replica.active) continue;
      const instance = replica as ServerlessInstance;
      killed++;
      this.retire(instance);
      this.kill(instance);
      this.spare.push(instance);
    }
    return [];
  }

  private setLive(count: number): void {
    this.live = count;
    const now = this.ctx.scheduler.now;
    this.stats.capacity.set(now, count * this.workers);
    this.stats.provisionedInstances(now, count);
  }

  /** Calls it can take at once: its concurrency limit, whatever is warm. */
  override concurrency(): number {
    return this.down ? 0 : this.maxConcurrency;
  }

  /** Scaling from zero: no live instance is needed to accept a call. */
  override isAvailable(): boolean {
    return !this.down;
  }

  override activeReplicas(): number {
    return this.live;
  }
}
