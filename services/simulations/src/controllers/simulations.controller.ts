import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { LaunchSimulationResponse, SimulationDto, SimulationListResponse } from '@architech/contracts';
import { CurrentUser, UuidParam, type AuthUser } from '@architech/service-kit';
import type { Request, Response } from 'express';
import { SimulationEventStream } from '../services/event-stream';
import { SimulationsService } from '../services/simulations.service';

@Controller('api')
export class SimulationsController {
  constructor(
    private readonly simulations: SimulationsService,
    private readonly stream: SimulationEventStream,
  ) {}

  /** The body is checked by the service against the design it runs (fault targets, limits), after the access check. */
  @Post('designs/:id/simulations')
  @HttpCode(202)
  launch(@Param('id', UuidParam('design')) designId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<LaunchSimulationResponse> {
    return this.simulations.launch(designId, body, user);
  }

  @Get('designs/:id/simulations')
  async list(@Param('id', UuidParam('design')) designId: string, @CurrentUser() user: AuthUser): Promise<SimulationListResponse> {
    return { simulations: await this.simulations.listForDesign(designId, user) };
  }

  @Get('simulations/:id')
  get(@Param('id', UuidParam('simulation')) id: string, @CurrentUser() user: AuthUser): Promise<SimulationDto> {
    return this.simulations.get(id, user);
  }

  @Delete('simulations/:id')
  cancel(@Param('id', UuidParam('simulation')) id: string, @CurrentUser() user: AuthUser): Promise<SimulationDto> {
    return this.simulations.cancel(id, user);
  }

  @Get('simulations/:id/events')
  events(@Param('id', UuidParam('simulation')) id: string, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.stream.attach(id, user, req, res);
  }
}
