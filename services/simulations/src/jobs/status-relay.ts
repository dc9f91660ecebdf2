import { Inject, Injectable } from '@nestjs/common';
import type { Subscription } from '@architech/service-kit';
import { JobBusRepository } from '../repositories/job-bus.repository';
import { StatusHub } from '../services/status-hub';
import { INSTANCE_ID } from './instance-id';

/**
 * Relays every status event on the bus to this instance's live listeners ({@link StatusHub}), so a
 * client sees runs executed by any instance. Each instance reads all events: its own consumer group.
 */
@Injectable()
export class StatusRelay {
  private subscription: Subscription | undefined;

  constructor(
    private readonly bus: JobBusRepository,
    private readonly hub: StatusHub,
    @Inject(INSTANCE_ID) private readonly instanceId: string,
  ) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.followStatus(`simulations-live-${this.instanceId}`, (event) => {
      // Live listeners get the API's update; the worker id and summary stay on the bus.
      const { workerId: _worker, summary: _summary, ...update } = event;
      this.hub.publish(update);
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }
}
