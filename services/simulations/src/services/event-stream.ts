import { Injectable } from '@nestjs/common';
import { FINAL_SIMULATION_STATES, statusSequence, type SimulationStatusUpdate } from '@architech/contracts';
import type { AuthUser } from '@architech/service-kit';
import type { Request, Response } from 'express';
import { SimulationsService } from './simulations.service';
import { StatusHub } from './status-hub';

const PING_MS = 15_000;

/**
 * Live progress of one simulation as Server-Sent Events (`event: status`): the current state
 * first, then every newer update, and the stream ends after a final status. Comments keep idle
 * proxies from closing it.
 */
@Injectable()
export class SimulationEventStream {
  constructor(
    private readonly simulations: SimulationsService,
    private readonly hub: StatusHub,
  ) {}

  async attach(id: string, user: AuthUser, req: Request, res: Response): Promise<void> {
    const buffered: SimulationStatusUpdate[] = [];
    let send: (update: SimulationStatusUpdate) => void = (u) => buffered.push(u);
    // Listen before reading the state, so nothing between the two is missed.
    const stop = this.hub.listen(id, (u) => send(u));
    let current;
    try {
      current = await this.simulations.get(id, user);
    } catch (error) {
      stop();
      throw error;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let lastSequence = -1;
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    const close = () => {
      clearInterval(ping);
      stop();
    };
    send = (update) => {
      if (update.sequence <= lastSequence) return;
      lastSequence = update.sequence;
      res.write(`event: status\ndata: ${JSON.stringify(update)}\n\n`);
      if (FINAL_SIMULATION_STATES.has(update.status)) {
        close();
        res.end();
      }
    };
    req.on('close', close);
    const initial: SimulationStatusUpdate = { id, status: current.status, progress: current.progress, sequence: statusSequence(current.status, current.progress) };
    if (current.error) initial.error = current.error;
    send(initial);
    for (const update of buffered) send(update);
  }
}
