import { Injectable } from '@nestjs/common';

/** A status change as live clients see it (Server-Sent Events). */
export interface StatusUpdate {
  id: string;
  status: 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  progress: number;
  replication?: number;
  replications?: number;
  simTimeMs?: number;
  events?: number;
  error?: string;
  /** Increases per simulation; a listener drops anything not newer than what it has sent. */
  sequence: number;
}

export const TERMINAL = new Set<StatusUpdate['status']>(['COMPLETED', 'FAILED', 'CANCELLED']);

/**
 * Fans status updates of each simulation out to the live connections watching it in this
 * instance. Updates arrive from the bus, so a client sees runs executed by any instance.
 */
@Injectable()
export class StatusHub {
  private readonly listeners = new Map<string, Set<(update: StatusUpdate) => void>>();

  listen(simulationId: string, listener: (update: StatusUpdate) => void): () => void {
    let set = this.listeners.get(simulationId);
    if (!set) this.listeners.set(simulationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(simulationId);
    };
  }

  publish(update: StatusUpdate): void {
    for (const listener of this.listeners.get(update.id) ?? []) listener(update);
  }
}
