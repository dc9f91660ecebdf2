import type { BusMessage } from '../../ports/event-bus.port';
import { backoffDelayMs, isUndecodable, reportSafely, sleepUnlessAborted, type HandlerFailureReporter, type RetryBackoff } from './handler-retry';
import type { PartitionLog } from './partition-log';

/** One subscriber of a group. */
interface Member {
  readonly handler: (message: BusMessage) => Promise<void>;
  /** Aborted when the member stops: no new delivery starts, a backoff wait ends early. */
  readonly stopping: AbortController;
  /** Handler calls still running, which `leave` waits for. */
  readonly inFlight: Set<Promise<void>>;
}

/** An opaque handle on a member, for `leave`. */
export type GroupMember = object;

/**
 * A consumer group of one in-process topic: its committed offset per partition and the
 * subscribers the partitions are shared between.
 *
 * Partition `p` belongs to member `p % members.length` in join order, so the assignment is
 * round-robin and changes whenever a member joins or leaves. Each partition is drained by at most
 * one loop at a time, which hands a message to the partition's current owner and commits it only
 * once the handler resolves; a failing handler gets the same message again after a backoff, the
 * partition waiting meanwhile. That is at-least-once with per-partition (so per-key) order.
 * Different partitions are drained concurrently, even when they belong to the same member.
 */
export class InProcessConsumerGroup {
  private readonly members: Member[] = [];
  /** Next offset to deliver, per partition. */
  private readonly committed: number[];
  private readonly draining: boolean[];

  /**
   * @param partitions the topic's partition logs; a new group starts at their oldest kept message
   * @param onCommit told after each commit, so the topic can drop what every group has consumed
   */
  constructor(
    readonly topic: string,
    readonly name: string,
    private readonly partitions: readonly PartitionLog[],
    private readonly backoff: RetryBackoff,
    private readonly reportFailure: HandlerFailureReporter,
    private readonly onCommit: (partition: number) => void,
  ) {
    this.committed = partitions.map((log) => log.startOffset);
    this.draining = partitions.map(() => false);
  }

  /** The next offset this group will consume from `partition`. */
  committedOffset(partition: number): number {
    return this.committed[partition];
  }

  /** Adds a subscriber and rebalances; it starts receiving at once. */
  join(handler: (message: BusMessage) => Promise<void>): GroupMember {
    const member: Member = { handler, stopping: new AbortController(), inFlight: new Set() };
    this.members.push(member);
    this.kickAll();
    return member;
  }

  /**
   * Removes a subscriber, hands its partitions to the others and resolves once none of its
   * handler calls is running. A message it was still failing on is redelivered to the new owner.
   */
  async leave(handle: GroupMember): Promise<void> {
    const member = handle as Member;
    const index = this.members.indexOf(member);
    if (index >= 0) {
      member.stopping.abort();
      this.members.splice(index, 1);
      this.kickAll();
    }
    await Promise.allSettled([...member.inFlight]);
  }

  /** Starts draining `partition` unless a drain of it is already running (it will see new messages). */
  kick(partition: number): void {
    if (this.draining[partition]) return;
    this.draining[partition] = true;
    void this.drain(partition).finally(() => {
      this.draining[partition] = false;
    });
  }

  private kickAll(): void {
    for (let p = 0; p < this.partitions.length; p++) this.kick(p);
  }

  private owner(partition: number): Member | undefined {
    return this.members.length === 0 ? undefined : this.members[partition % this.members.length];
  }

  private async drain(partition: number): Promise<void> {
    const log = this.partitions[partition];
    for (;;) {
      const member = this.owner(partition);
      const offset = this.committed[partition];
      const message = log.at(offset);
      if (!member || !message) return;
      // Not delivered means the member stopped mid-retry: loop to hand the message to the new owner.
      if (await this.deliver(member, message)) {
        this.committed[partition] = offset + 1;
        this.onCommit(partition);
      }
    }
  }

  /** Delivers until the handler resolves or skips the message (true) or the member stops first (false). */
  private async deliver(member: Member, message: BusMessage): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (member.stopping.signal.aborted) return false;
      // A fresh copy per attempt: a handler that mutated its message and threw must not see its own edits.
      const call = Promise.resolve().then(() => member.handler({ ...message, value: new Uint8Array(message.value), headers: { ...message.headers } }));
      member.inFlight.add(call);
      try {
        await call;
        return true;
      } catch (error) {
        if (isUndecodable(error)) {
          reportSafely(this.reportFailure, { error, message, group: this.name, attempt, retryInMs: 0, skipped: true });
          return true;
        }
        const retryInMs = backoffDelayMs(attempt, this.backoff);
        reportSafely(this.reportFailure, { error, message, group: this.name, attempt, retryInMs, skipped: false });
        await sleepUnlessAborted(retryInMs, member.stopping.signal);
      } finally {
        member.inFlight.delete(call);
      }
    }
  }
}
