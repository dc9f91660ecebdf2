import { Injectable } from '@nestjs/common';
import type { AnalysisDto } from '@architech/contracts';
import type { AuthUser } from '@architech/service-kit';
import type { Request, Response } from 'express';
import { AnalysesService } from './analyses.service';

/** How often the stream reads the stored analysis (it works whichever instance runs the job). */
const POLL_MS = 300;
const PING_MS = 15_000;

/**
 * Live progress of a review or refinement as Server-Sent Events: `event: progress` with
 * `{ status, progress, stage }` whenever they change, `event: entry` for each new refine timeline
 * entry, and a final `event: done` with the whole stored analysis, after which the stream ends.
 */
@Injectable()
export class AnalysisEventStream {
  constructor(private readonly analyses: AnalysesService) {}

  async attach(kind: 'review' | 'refinement', id: string, user: AuthUser, req: Request, res: Response): Promise<void> {
    let current: AnalysisDto = await this.analyses.get(kind, id, user);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let sentEntries = 0;
    let lastProgress = '';
    let closed = false;
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
    const close = () => {
      closed = true;
      clearInterval(ping);
    };
    req.on('close', close);
    const emit = (dto: AnalysisDto): boolean => {
      for (; sentEntries < dto.timeline.length; sentEntries++) res.write(`event: entry\ndata: ${JSON.stringify(dto.timeline[sentEntries])}\n\n`);
      const progress = JSON.stringify({ status: dto.status, progress: dto.progress, stage: dto.stage });
      if (progress !== lastProgress) {
        lastProgress = progress;
        res.write(`event: progress\ndata: ${progress}\n\n`);
      }
      if (dto.status === 'COMPLETED' || dto.status === 'FAILED') {
        res.write(`event: done\ndata: ${JSON.stringify(dto)}\n\n`);
        close();
        res.end();
        return true;
      }
      return false;
    };
    if (emit(current)) return;
    while (!closed) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (closed) return;
      try {
        current = await this.analyses.get(kind, id, user);
      } catch {
        close();
        res.end();
        return;
      }
      if (emit(current)) return;
    }
  }
}
