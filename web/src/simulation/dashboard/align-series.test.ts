import { END_TO_END, type MetricSeriesDto } from '@architech/contracts';
import { alignSeries, findSeries } from './align-series';

const pts = (...pairs: [number, number][]) => pairs.map(([timeSec, value]) => ({ timeSec, value }));

describe('aligning series for a chart', () => {
  it('joins series on the union of their times, leaving gaps where one has no point', () => {
    expect(alignSeries([pts([0, 1], [1, 2], [2, 3]), pts([1, 10], [3, 30])])).toEqual([
      [0, 1, 2, 3],
      [1, 2, 3, null],
      [null, 10, null, 30],
    ]);
  });

  it('keeps a column of gaps for a series that has no data yet', () => {
    expect(alignSeries([pts([0, 5]), undefined])).toEqual([[0], [5], [null]]);
  });

  it('scales values per series, e.g. counts per 5 s bucket into rates per second', () => {
    expect(alignSeries([pts([0, 10], [5, 20])], [1 / 5])).toEqual([[0, 5], [2, 4]]);
  });

  it('orders times even when the answers were not ordered', () => {
    expect(alignSeries([pts([2, 1], [0, 3])])[0]).toEqual([0, 2]);
  });
});

describe('finding a series among the answers', () => {
  const series = (componentId: string, value: number): MetricSeriesDto => ({ componentId, componentType: 'SERVICE', metric: 'throughput', points: pts([0, value]) });

  it('finds a series asked for alone', () => {
    const answers = new Map([['throughput|db', [series('db', 1)]]]);
    expect(findSeries(answers, 'throughput', 'db')?.points[0]?.value).toBe(1);
  });

  it('finds a series that came with every component, the end-to-end one included', () => {
    const answers = new Map([['throughput|*', [series(END_TO_END, 9), series('db', 2)]]]);
    expect(findSeries(answers, 'throughput', END_TO_END)?.points[0]?.value).toBe(9);
    expect(findSeries(answers, 'throughput', 'db')?.points[0]?.value).toBe(2);
    expect(findSeries(answers, 'latencyP99', 'db')).toBeUndefined();
  });
});
