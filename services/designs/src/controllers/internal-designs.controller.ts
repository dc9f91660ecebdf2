import { Controller, Get, Param } from '@nestjs/common';
import type { DesignVersionDto } from '@architech/contracts';
import { Internal, UuidParam } from '@architech/service-kit';
import { DesignsService } from '../services/designs.service';

/** Service-to-service: the simulations service reads the exact version it is asked to run. */
@Internal()
@Controller('internal/designs')
export class InternalDesignsController {
  constructor(private readonly designs: DesignsService) {}

  @Get(':id')
  get(@Param('id', UuidParam('design')) id: string): Promise<DesignVersionDto> {
    return this.designs.getInternal(id);
  }
}
