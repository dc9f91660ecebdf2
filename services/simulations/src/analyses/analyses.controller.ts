import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { AnalysisDto } from '@architech/contracts';
import { CurrentUser, type AuthUser } from '@architech/service-kit';
import type { Request, Response } from 'express';
import { AnalysesService } from './analyses.service';
import { AnalysisEventStream } from './analysis-stream';

/** Design reviews and refine runs (docs/review.md, docs/api.md). */
@Controller('api')
export class AnalysesController {
  constructor(
    private readonly analyses: AnalysesService,
    private readonly stream: AnalysisEventStream,
  ) {}

  @Post('designs/:id/reviews')
  @HttpCode(202)
  review(@Param('id') designId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<{ id: string; status: 'PENDING' }> {
    return this.analyses.start('review', designId, body, user);
  }

  @Get('designs/:id/reviews')
  async reviews(@Param('id') designId: string, @CurrentUser() user: AuthUser): Promise<{ reviews: AnalysisDto[] }> {
    return { reviews: await this.analyses.list('review', designId, user) };
  }

  @Get('reviews/:id')
  getReview(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AnalysisDto> {
    return this.analyses.get('review', id, user);
  }

  @Get('reviews/:id/events')
  reviewEvents(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.stream.attach('review', id, user, req, res);
  }

  @Post('designs/:id/refinements')
  @HttpCode(202)
  refine(@Param('id') designId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<{ id: string; status: 'PENDING' }> {
    return this.analyses.start('refinement', designId, body, user);
  }

  @Get('designs/:id/refinements')
  async refinements(@Param('id') designId: string, @CurrentUser() user: AuthUser): Promise<{ refinements: AnalysisDto[] }> {
    return { refinements: await this.analyses.list('refinement', designId, user) };
  }

  @Get('refinements/:id')
  getRefinement(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AnalysisDto> {
    return this.analyses.get('refinement', id, user);
  }

  @Get('refinements/:id/events')
  refinementEvents(@Param('id') id: string, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.stream.attach('refinement', id, user, req, res);
  }
}
