import { Controller, Get, Param } from '@nestjs/common';
import { Internal, UuidParam } from '@architech/service-kit';
import { SimulationsService } from '../services/simulations.service';

/** Service-to-service: the telemetry service authorizes reads by the simulation's project. */
@Internal()
@Controller('internal/simulations')
export class InternalSimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Get(':id')
  owner(@Param('id', UuidParam('simulation')) id: string): Promise<{ id: string; projectId: string; designId: string; status: string }> {
    return this.simulations.owner(id);
  }
}
