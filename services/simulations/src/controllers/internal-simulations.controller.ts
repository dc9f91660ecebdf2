import { Controller, Get, Param, Query } from '@nestjs/common';
import { Internal, UuidParam, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';
import { SimulationRepository } from '../repositories/simulation.repository';
import { SimulationsService } from '../services/simulations.service';

/** Telemetry's retention question: finished runs whose telemetry is still kept, finished before a cutoff. */
const telemetryKeptQuery = z.object({
  finishedBefore: z.string().datetime({ offset: true }),
  telemetryExpired: z.literal('false'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Service-to-service: the telemetry service authorizes reads by the simulation's project and asks which runs its retention is due for. */
@Internal()
@Controller('internal/simulations')
export class InternalSimulationsController {
  constructor(
    private readonly simulations: SimulationsService,
    private readonly records: SimulationRepository,
  ) {}

  /** `?finishedBefore=<ISO>&telemetryExpired=false&limit=N`: ids of finished runs, oldest first, whose telemetry is due. */
  @Get()
  async telemetryKept(@Query(ZodPipe(telemetryKeptQuery, 'simulations query')) query: z.output<typeof telemetryKeptQuery>): Promise<{ simulationIds: string[] }> {
    return { simulationIds: await this.records.telemetryDue(new Date(query.finishedBefore), query.limit) };
  }

  @Get(':id')
  owner(@Param('id', UuidParam('simulation')) id: string): Promise<{ id: string; projectId: string; designId: string; status: string }> {
    return this.simulations.owner(id);
  }
}
