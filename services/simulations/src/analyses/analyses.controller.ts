import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { refinementRequestSchema, reviewRequestSchema, type AnalysisDto, type ReviewRequest } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { Request, Response } from 'express';
import { AnalysesService, type RefinementRequest } from './analyses.service';
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
  review(@Param('id', UuidParam('design')) designId: string, @Body(ZodPipe(reviewRequestSchema, 'review request')) request: ReviewRequest, @CurrentUser() user: AuthUser): Promise<{ id: string; status: 'PENDING' }> {
    return this.analyses.start(designId, { kind: 'review', request }, user);
  }

  @Get('designs/:id/reviews')
  async reviews(@Param('id', UuidParam('design')) designId: string, @CurrentUser() user: AuthUser): Promise<{ reviews: AnalysisDto[] }> {
    return { reviews: await this.analyses.list('review', designId, user) };
  }

  @Get('reviews/:id')
  getReview(@Param('id', UuidParam('review')) id: string, @CurrentUser() user: AuthUser): Promise<AnalysisDto> {
    return this.analyses.get('review', id, user);
  }

  @Get('reviews/:id/events')
  reviewEvents(@Param('id', UuidParam('review')) id: string, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.stream.attach('review', id, user, req, res);
  }

  @Post('designs/:id/refinements')
  @HttpCode(202)
  refine(@Param('id', UuidParam('design')) designId: string, @Body(ZodPipe(refinementRequestSchema, 'refinement goal')) request: RefinementRequest, @CurrentUser() user: AuthUser): Promise<{ id: string; status: 'PENDING' }> {
    return this.analyses.start(designId, { kind: 'refinement', request }, user);
  }

  @Get('designs/:id/refinements')
  async refinements(@Param('id', UuidParam('design')) designId: string, @CurrentUser() user: AuthUser): Promise<{ refinements: AnalysisDto[] }> {
    return { refinements: await this.analyses.list('refinement', designId, user) };
  }

  @Get('refinements/:id')
  getRefinement(@Param('id', UuidParam('refinement')) id: string, @CurrentUser() user: AuthUser): Promise<AnalysisDto> {
    return this.analyses.get('refinement', id, user);
  }

  @Get('refinements/:id/events')
  refinementEvents(@Param('id', UuidParam('refinement')) id: string, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.stream.attach('refinement', id, user, req, res);
  }
}
