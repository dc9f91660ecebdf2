/*
 * Analysis thread: one review or refine run, synchronous engine work off the service's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { hypothesisGoal, type Design, type HypothesisCondition } from '@architech/contracts';
import { goalFindings, refineDesign, simulateReview, reviewFindings, summarizeReview, type TimelineEntry } from '@architech/sim-engine';
import type { AnalysisJob, AnalysisReply } from './analysis-protocol';

const post = (reply: AnalysisReply) => parentPort!.postMessage(reply);
const job = workerData as AnalysisJob;

try {
  if (job.kind === 'review') {
    const design = job.design as Design;
    post({ kind: 'progress', progress: 0, stage: job.simulate ? 'static rules' : 'reviewing' });
    const base = job.simulate
      ? simulateReview(design, { seed: job.seed, onProgress: (done, total, label) => post({ kind: 'progress', progress: (0.9 * done) / total, stage: label }) }).findings
      : reviewFindings(design);
    const goal = job.goal;
    if (goal) post({ kind: 'progress', progress: 0.9, stage: 'checking the goal' });
    const checks = goal ? goalFindings(design, hypothesisGoal(goal.hypothesis as HypothesisCondition[]), { ...goal.run, seed: goal.run?.seed ?? job.seed }) : [];
    post({ kind: 'done', result: summarizeReview([...base, ...checks], job.simulate) });
  } else {
    const maxIterations = job.goal.maxIterations ?? 3;
    const result = refineDesign(job.design as Design, hypothesisGoal(job.goal.hypothesis as HypothesisCondition[], job.goal.objective), {
      run: job.goal.run,
      maxIterations,
      timeoutMs: job.timeoutMs,
      clock: () => performance.now(),
      onEntry: (entry: TimelineEntry) => {
        post({ kind: 'entry', entry });
        if (entry.kind === 'transition') post({ kind: 'progress', progress: Math.min(0.95, (entry.iteration - 1 + (entry.state === 'validating' ? 0.5 : 0)) / maxIterations), stage: `iteration ${entry.iteration}: ${entry.state}` });
      },
    });
    post({ kind: 'done', result });
  }
} catch (error) {
  post({ kind: 'failed', message: (error as Error).message });
}
