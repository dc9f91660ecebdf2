import { createSampler, type Sampler } from '../random/distributions';
import type { Rng } from '../random/rng';
import type { NodeStats } from '../metrics/node-stats';
import { Autoscaler, type Scalable } from './autoscaler';
import { CallPhase, FanOut, type Call, type Outcome } from './call';
import type { SimContext } from './context';
import type { StationSpec } from './design';
import { FanOutPlan } from './fan-out-plan';
import { SimNode, type CrashToken } from './node';
import { Replica } from './replica';

/**
 * SERVICE, DATABASE and CACHE: replicas × workers serving FCFS queues of bounded capacity. After its
 * service time a call goes to one downstream picked by weight, or with `fanOut: "all"` to every
 * downstream, stage by stage (a CACHE only on a miss); by default the worker is free during the
 * downstream calls (non-blocking I/O), with `blockingCalls` it is held until the answer returns.
 * Replicas are chosen round-robin among those in rotation. A `rateLimit` throttles calls on arrival;
 * `serverless` components are {@link ServerlessStation}s, which place calls on instances instead.
 */
export class Station extends SimNode implements Scalable {
  protected readonly replicas: Replica[] = [];
  private rotation: Replica[] = [];
  private cursor = 0;
  protected readonly workers: number;
  private readonly queueCapacity: number;
  private readonly blocking: boolean;
  private readonly errorRate: number;
  private readonly hitRatio: number;
  private readonly sampler: Sampler;
  private readonly rng: Rng;
  protected readonly trackInFlight: boolean;
  private pending = 0;
  private readonly autoscaler: Autoscaler | null;
  /** With `fanOut: "all"`: the random stream of `probability` draws; null when calling one downstream. */
  private readonly fanRng: Rng | null;
  /** With `fanOut: "all"`: the stages of its calls, built on the first fan-out (the links are wired after construction). */
  private plan: FanOutPlan | null = null;

  constructor(ctx: SimContext, spec: StationSpec, stats: NodeStats, trackInFlight: boolean) {
    super(ctx, spec, stats);
    const p = spec.properties;
    // A serverless instance serves `concurrencyPerInstance` calls, each holding its slot until answered.
    this.workers = p.serverless ? p.serverless.concurrencyPerInstance : p.workers;
    // No capacity is an unbounded waiting room (not a default: the absence is the setting).
    this.queueCapacity = p.queueCapacity ?? Infinity;
    this.blocking = p.blockingCalls || p.serverless !== undefined;
    this.errorRate = p.errorRate;
    this.hitRatio = spec.type === 'CACHE' ? spec.properties.hitRatio : -1;
    this.sampler = createSampler(p.serviceTime);
    this.rng = ctx.stream(this, 'service');
    this.trackInFlight = trackInFlight;
    let initial = p.serverless ? 0 : p.replicas;
    if (p.autoscaling) initial = Math.min(p.autoscaling.maxReplicas, Math.max(p.autoscaling.minReplicas, initial));
    for (let i = 0; i < initial; i++) this.replicas.push(new Replica(i, trackInFlight));
    this.rebuildRotation();
    this.autoscaler = p.autoscaling && !p.serverless ? new Autoscaler(ctx, this, p.autoscaling) : null;
    this.fanRng = p.fanOut === 'all' ? ctx.stream(this, 'fanout') : null;
  }

  /** Schedules the autoscaler's first evaluation. */
  start(): void {
    this.autoscaler?.start();
  }

  receive(call: Call): void {
    this.stats.arrival();
    if (!this.isAvailable()) {
      this.ctx.respond(call, 'unavailable');
      return;
    }
    if (this.admits(call)) this.admit(call);
  }

  /** Places an admitted call on a replica: serve, queue or drop. */
  protected admit(call: Call): void {
    const now = this.ctx.scheduler.now;
    const rotation = this.rotation;
    // The cursor stays below the rotation's length (here and in rebuildRotation): no modulo needed.
    const replica = rotation[this.cursor++];
    if (this.cursor >= rotation.length) this.cursor = 0;
    call.replica = replica.index;
    call.epoch = replica.epoch;
    if (replica.busy < this.workers) {
      replica.inFlight?.add(call);
      this.startService(call, replica);
    } else if (replica.queue.length < this.queueCapacity) {
      replica.inFlight?.add(call);
      call.phase = CallPhase.Queued;
      replica.queue.push(call);
      this.stats.queued.add(now, 1);
    } else {
      this.stats.drop();
      this.ctx.logNoisy('drop', this, `${this.id}: queue full (${this.queueCapacity} waiting), request dropped`);
      this.ctx.respond(call, 'dropped');
    }
  }

  override onServiceDone(call: Call): void {
    const replica = this.replicas[call.replica];
    if (call.phase !== CallPhase.InService || replica.epoch !== call.epoch) return;
    const pFail = this.failureProbability(this.errorRate);
    if (pFail > 0 && this.rng.next() < pFail) {
      this.finish(call, replica, 'error');
      return;
    }
    const hit = this.hitRatio >= 0 && (this.hitRatio >= 1 || this.rng.next() < this.hitRatio);
    if (hit || this.downstream.length === 0) {
      this.finish(call, replica, 'ok');
      return;
    }
    if (!this.blocking) this.release(replica, call);
    call.phase = CallPhase.AwaitingDownstream;
    if (this.fanRng !== null) {
      call.fan = new FanOut();
      this.startStage(call, replica, 0);
      return;
    }
    this.ctx.call(call, this.pickDownstream());
  }

  onDownstreamResult(call: Call, outcome: Outcome): void {
    const replica = this.replicas[call.replica];
    if (replica.epoch !== call.epoch || call.phase !== CallPhase.AwaitingDownstream) return;
    const fan = call.fan;
    if (fan === null) {
      this.finish(call, replica, outcome === 'ok' ? 'ok' : 'downstream_error');
      return;
    }
    if (outcome !== 'ok') fan.failed = true;
    if (--fan.pending > 0) return;
    // Every call of the stage has settled: a required failure ends the request, else the next stage.
    if (fan.failed) this.finish(call, replica, 'downstream_error');
    else this.startStage(call, replica, fan.stage + 1);
  }

  /**
   * Makes the calls of stage `from` (or of the first later stage where a call is drawn) in parallel;
   * answers `call` when no stage is left. Which calls a stage makes is drawn before any is sent, so
   * that a call settling at once cannot start the next stage early.
   */
  private startStage(call: Call, replica: Replica, from: number): void {
    const fan = call.fan as FanOut;
    const plan = (this.plan ??= new FanOutPlan(this.downstream, this.fanRng as Rng));
    for (let s = from; s < plan.stages.length; s++) {
      const chosen = plan.draw(s);
      if (chosen.length === 0) continue;
      fan.stage = s;
      fan.pending = chosen.length;
      for (const link of chosen) this.ctx.call(call, link);
      return;
    }
    this.finish(call, replica, 'ok');
  }

  override concurrency(): number {
    return this.rotation.length * this.workers;
  }

  override isAvailable(): boolean {
    return !this.down && this.rotation.length > 0;
  }

  override activeReplicas(): number {
    let n = 0;
    for (const r of this.replicas) if (r.active) n++;
    return n;
  }

  pendingReplicas(): number {
    return this.pending;
  }

  workersPerReplica(): number {
    return this.workers;
  }

  utilizationAreas(nowMs: number): { busy: number; capacity: number } {
    return { busy: this.stats.busy.areaUntil(nowMs), capacity: this.stats.capacity.areaUntil(nowMs) };
  }

  provision(count: number, readyInMs: number): void {
    this.pending += count;
    this.rebuildRotation();
    for (let i = 0; i < count; i++) this.ctx.scheduler.scheduleIn(readyInMs, this.ctx.events.replicaReady, this);
  }

  /** One provisioned replica finished starting: reuse a retired slot or add one. */
  replicaReady(): void {
    this.pending--;
    let replica = this.replicas.find((r) => !r.active && !r.draining && r.up);
    if (!replica) {
      replica = new Replica(this.replicas.length, this.trackInFlight);
      this.replicas.push(replica);
    }
    replica.active = true;
    this.rebuildRotation();
    this.announceCapacity();
  }

  decommission(count: number): void {
    for (let i = this.replicas.length - 1; i >= 0 && count > 0; i--) {
      const r = this.replicas[i];
      if (!r.active) continue;
      r.active = false;
      r.draining = r.busy > 0 || r.queue.length > 0;
      count--;
    }
    this.rebuildRotation();
  }

  override crash(count: number | undefined): CrashToken {
    const whole = count === undefined;
    if (whole) super.crash(undefined);
    const victims = this.crashReplicas(whole ? Infinity : (count as number), whole);
    this.rebuildRotation();
    return { whole, replicas: victims };
  }

  /** Holds down up to `count` replicas in service (crashed ones too when `whole`); returns their indices. */
  protected crashReplicas(count: number, whole: boolean): number[] {
    const victims: number[] = [];
    for (const replica of this.replicas) {
      if (victims.length >= count) break;
      if (!replica.active || (!whole && !replica.up)) continue;
      victims.push(replica.index);
      if (replica.downCount++ === 0) this.kill(replica);
    }
    return victims;
  }

  override recover(token: CrashToken): void {
    for (const index of token.replicas) this.replicas[index].downCount--;
    this.rebuildRotation();
    super.recover(token);
  }

  /** A replica's process dies: everything it holds fails at once, as its connections reset. */
  protected kill(replica: Replica): void {
    const now = this.ctx.scheduler.now;
    this.stats.queued.add(now, -replica.queue.length);
    this.stats.busy.add(now, -replica.busy);
    for (const call of replica.die()) this.ctx.respond(call, 'crashed');
  }

  /** Starts serving `call` on `replica`; `extraMs` (a cold start) adds to its service time. */
  protected startService(call: Call, replica: Replica, extraMs = 0): void {
    replica.busy++;
    this.stats.busy.add(this.ctx.scheduler.now, 1);
    this.serve(call, extraMs);
  }

  /** Serves `call` on a worker already counted busy. */
  private serve(call: Call, extraMs: number): void {
    call.phase = CallPhase.InService;
    call.holdsWorker = true;
    const serviceMs = this.sampler.sample(this.rng) * this.slowdownFactor + this.extraDelayMs + extraMs;
    this.ctx.scheduler.scheduleIn(serviceMs, this.ctx.events.serviceDone, call);
  }

  private finish(call: Call, replica: Replica, outcome: Outcome): void {
    if (call.holdsWorker) this.release(replica, call);
    replica.inFlight?.delete(call);
    this.ctx.respond(call, outcome);
  }

  /** Frees the worker `call` holds and starts the next queued call, if any. */
  private release(replica: Replica, call: Call): void {
    call.holdsWorker = false;
    const now = this.ctx.scheduler.now;
    const next = replica.queue.shift();
    if (next !== undefined) {
      // The worker goes straight to the next call: busy stays (one step of its area for a −1 and a +1).
      this.stats.queued.add(now, -1);
      this.stats.busy.add(now, 0);
      this.serve(next, 0);
      return;
    }
    replica.busy--;
    this.stats.busy.add(now, -1);
    this.slotFreed(replica);
  }

  /** A worker of `replica` became free with nothing queued: a drained replica leaves. */
  protected slotFreed(replica: Replica): void {
    if (replica.draining && replica.busy === 0) {
      replica.draining = false;
      this.rebuildRotation();
    }
  }

  private rebuildRotation(): void {
    this.rotation = this.replicas.filter((r) => r.up && r.active);
    if (this.cursor >= this.rotation.length) this.cursor = 0;
    // Draining replicas still work, so they count as capacity until they finish.
    const provisioned = this.replicas.filter((r) => r.active || r.draining).length;
    this.stats.capacity.set(this.ctx.scheduler.now, provisioned * this.workers);
    // Billed from launch: replicas still starting count as instances, though not as capacity.
    this.stats.provisionedInstances(this.ctx.scheduler.now, provisioned + this.pending);
  }
}
