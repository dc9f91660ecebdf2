import type { Rng } from '../random/rng';
import type { Link } from './link';

/**
 * The call graph of a `fanOut: "all"` component: its downstream connections grouped by `stage`
 * (in increasing order, design order within a stage), and which calls of a stage one request
 * makes (each connection with its `probability`, drawn independently per request).
 */
export class FanOutPlan {
  /** The stages, in order; calls of one stage are made in parallel. */
  readonly stages: readonly (readonly Link[])[];
  /** Per stage: every connection has probability 1, so the stage is made whole without a draw. */
  private readonly certain: readonly boolean[];

  constructor(
    links: readonly Link[],
    private readonly rng: Rng,
  ) {
    const byStage = new Map<number, Link[]>();
    for (const link of links) {
      const group = byStage.get(link.stage);
      if (group) group.push(link);
      else byStage.set(link.stage, [link]);
    }
    this.stages = [...byStage.keys()].sort((a, b) => a - b).map((stage) => byStage.get(stage) as Link[]);
    this.certain = this.stages.map((stage) => stage.every((link) => link.probability >= 1));
  }

  /** The calls one request makes in stage `index`: the stage itself when certain (no copy), else a fresh draw. */
  draw(index: number): readonly Link[] {
    const stage = this.stages[index];
    if (this.certain[index]) return stage;
    const chosen: Link[] = [];
    for (const link of stage) if (link.probability > 0 && (link.probability >= 1 || this.rng.next() < link.probability)) chosen.push(link);
    return chosen;
  }
}
