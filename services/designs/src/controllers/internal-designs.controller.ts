import { Controller, Get, Param, Res } from '@nestjs/common';
import { Internal, UuidParam } from '@architech/service-kit';
import type { Response } from 'express';
import { DesignsService } from '../services/designs.service';

/** Service-to-service: the simulations service reads the exact version it is asked to run. */
@Internal()
@Controller('internal/designs')
export class InternalDesignsController {
  constructor(private readonly designs: DesignsService) {}

  /** A DesignVersionDto (sent as text, see DesignsService.getJson). */
  @Get(':id')
  async get(@Param('id', UuidParam('design')) id: string, @Res() res: Response): Promise<void> {
    res.type('application/json').send(await this.designs.getInternalJson(id));
  }
}
