import { useEffect, useRef, useState } from 'react';
import type { PriceOverride } from '@architech/contracts';
import { LIST_PRICES } from '@architech/sim-engine';
import type { DesignAnalysis } from '../design-analysis';
import { IDLE_PREVIEW, planPreview, readyPreview, type PreviewPlan, type PreviewState } from './preview-model';
import { PreviewRunner, type PreviewOutcome } from './preview-runner';

export type { PreviewState } from './preview-model';

/** Quiet time after the last edit before a preview runs, ms. */
export const PREVIEW_DEBOUNCE_MS = 300;

const OFF: PreviewState = { ...IDLE_PREVIEW, message: 'Instant preview is off' };
const STARTING: PreviewState = { ...IDLE_PREVIEW, message: 'Preview starts when you pause editing' };

type RunPlan = Extract<PreviewPlan, { kind: 'run' }>;

/**
 * The instant preview of the analysed design: {@link PREVIEW_DEBOUNCE_MS} after the last change, a short
 * simulation (`previewWindow`) of the design in a Web Worker, turned into per-component badges and
 * an end-to-end line. Runs only when the design validates (`invalid` otherwise); a newer design
 * supersedes an older run, whose answer is dropped; a run over the wall limit is stopped
 * (`PreviewRunner`). A design with provider blocks gets a monthly cost estimate priced with the
 * project's `priceOverrides` over the list prices (`previewMonthlyCost`). While a run is under way the previous badges stay, so the canvas does not
 * flicker as the user types.
 *
 * @example const preview = usePreview(useDesignAnalysis(state.doc), previewOn); // preview.badges → canvas overlays
 */
export function usePreview(analysis: DesignAnalysis, enabled: boolean, priceOverrides?: readonly PriceOverride[]): PreviewState {
  const [state, setState] = useState<PreviewState>(enabled ? STARTING : OFF);
  const runner = useRef<PreviewRunner | undefined>(undefined);
  const running = useRef<{ readonly generation: number; readonly plan: RunPlan } | undefined>(undefined);
  // Read when a run ends: the project's overrides price its monthly estimate.
  const overrides = useRef(priceOverrides);
  overrides.current = priceOverrides;

  useEffect(() => {
    const onOutcome = (outcome: PreviewOutcome) => {
      const current = running.current;
      if (current?.generation !== outcome.generation) return;
      running.current = undefined;
      setState(
        outcome.kind === 'done'
          ? readyPreview(current.plan.design, current.plan.window, outcome.summary, outcome.wallMs, { ...LIST_PRICES, overrides: overrides.current ?? [] })
          : { status: 'error', badges: new Map(), message: `Preview failed: ${outcome.message}` },
      );
    };
    const instance = new PreviewRunner({
      createWorker: () => new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' }),
      onOutcome,
    });
    runner.current = instance;
    return () => {
      instance.dispose();
      runner.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!enabled) {
      runner.current?.cancel();
      running.current = undefined;
      setState(OFF);
      return;
    }
    setState((previous) => (previous === OFF ? STARTING : previous));
    const timer = setTimeout(() => {
      const plan = planPreview(analysis.outcome);
      if (plan.kind === 'skip') {
        runner.current?.cancel();
        running.current = undefined;
        setState(plan.state);
        return;
      }
      if (!runner.current) return;
      running.current = { generation: runner.current.submit(plan.design, plan.config), plan };
      setState((previous) => ({ ...lastFigures(previous), status: 'running' }));
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [analysis, enabled]);

  return state;
}

/** The badges and figures of the last finished run, kept while the next one runs; none after a pause or a failure. */
function lastFigures(previous: PreviewState): PreviewState {
  if (previous.status !== 'ready' && previous.status !== 'running') return IDLE_PREVIEW;
  const { badges, endToEnd, simulatedSec, wallMs, monthlyCost } = previous;
  return { status: previous.status, badges, endToEnd, simulatedSec, wallMs, monthlyCost };
}
