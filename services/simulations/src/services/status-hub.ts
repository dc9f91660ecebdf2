import { Injectable } from '@nestjs/common';
import type { SimulationStatusUpdate } from '@architech/contracts';

/**
 * Fans status updates of each simulation out to the live connections watching it in this
 * instance. Updates arrive from the bus, so a client sees runs executed by any instance.
 */
@Injectable()
export class StatusHub {
  private readonly listeners = new Map<string, Set<(update: SimulationStatusUpdate) => void>>();

  listen(simulationId: string, listener: (update: SimulationStatusUpdate) => void): () => void {
    let set = this.listeners.get(simulationId);
    if (!set) this.listeners.set(simulationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(simulationId);
    };
  }

  publish(update: SimulationStatusUpdate): void {
    for (const listener of this.listeners.get(update.id) ?? []) listener(update);
  }
}
