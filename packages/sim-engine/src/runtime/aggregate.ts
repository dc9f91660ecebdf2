import { meanWithCi95 } from '../stats/confidence';
import { SERIES_METRICS, type SeriesBuffers, type SeriesSet } from '../metrics/series';

type Tree = { [key: string]: number | string | Tree };

/**
 * Mean and 95% half-width of every number across replications of identically shaped summaries;
 * strings (component types) are copied.
 */
export function aggregateSummaries<T extends object>(runs: readonly T[]): { mean: T; halfWidth: T } {
  const walk = (nodes: readonly Tree[]): { mean: Tree; halfWidth: Tree } => {
    const mean: Tree = {};
    const halfWidth: Tree = {};
    for (const key of Object.keys(nodes[0])) {
      const first = nodes[0][key];
      if (typeof first === 'number') {
        const ci = meanWithCi95(nodes.map((n) => n[key] as number));
        mean[key] = ci.mean;
        halfWidth[key] = ci.halfWidth;
      } else if (typeof first === 'string') {
        mean[key] = first;
        halfWidth[key] = first;
      } else {
        const inner = walk(nodes.map((n) => n[key] as Tree));
        mean[key] = inner.mean;
        halfWidth[key] = inner.halfWidth;
      }
    }
    return { mean, halfWidth };
  };
  const out = walk(runs as unknown as Tree[]);
  return { mean: out.mean as unknown as T, halfWidth: out.halfWidth as unknown as T };
}

/**
 * Running per-bucket sums of one series across replications, so only one copy is ever kept. The
 * first run is only referenced: most runs have one replication, whose mean needs no sums at all.
 */
export class SeriesAccumulator {
  private readonly sums: Record<string, Float64Array> = {};
  private first: SeriesBuffers | null = null;
  private runs = 0;

  add(run: SeriesBuffers): void {
    if (this.runs === 0) this.first = run;
    else {
      if (this.runs === 1) this.sumInto(this.first as SeriesBuffers);
      this.sumInto(run);
    }
    this.runs++;
  }

  mean(): SeriesSet {
    const out = {} as SeriesSet;
    const runs = this.runs;
    for (const metric of SERIES_METRICS) {
      // Plain loops into sized arrays: Array.from with a mapping callback is ~10× slower here.
      if (runs === 1) {
        // (0 + v) / 1, as the sum over one run gives: v itself, but -0 becomes 0.
        const column = (this.first as SeriesBuffers).columns[metric];
        const values = new Array<number>(column.length);
        for (let i = 0; i < column.length; i++) values[i] = column[i] + 0;
        out[metric] = values;
        continue;
      }
      const sum = this.sums[metric];
      const values = new Array<number>(sum.length);
      for (let i = 0; i < sum.length; i++) values[i] = sum[i] / runs;
      out[metric] = values;
    }
    return out;
  }

  private sumInto(run: SeriesBuffers): void {
    for (const metric of SERIES_METRICS) {
      const column = run.columns[metric];
      const sum = (this.sums[metric] ??= new Float64Array(column.length));
      for (let i = 0; i < column.length; i++) sum[i] += column[i];
    }
  }
}
