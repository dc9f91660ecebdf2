import { END_TO_END, METRIC_NAMES } from '@architech/contracts';
import { SERIES_METRICS } from '@architech/sim-engine';
import { MAX_COMPONENT_LINES, planDashboard, queriesFor, queryKey, type DashboardComponent } from './chart-catalog';

const component = (id: string, type: DashboardComponent['type'], hasBreaker = false): DashboardComponent => ({ id, label: id.toUpperCase(), type, hasBreaker });
const design = [component('users', 'CLIENT'), component('lb', 'LOAD_BALANCER'), component('api', 'SERVICE', true), component('db', 'DATABASE')];

describe('the dashboard plan', () => {
  it('shows the end-to-end view with one line per eligible component by default', () => {
    const plan = planDashboard(design, undefined);
    const ids = plan.charts.map((c) => c.id);
    expect(ids).toEqual(['load', 'latency', 'failures', 'throughput-by-component', 'p95-by-component', 'utilization', 'queue', 'replicas', 'breakers']);
    expect(plan.charts[1]!.lines.map((l) => [l.metric, l.componentId])).toEqual([
      ['latencyP50', END_TO_END],
      ['latencyP95', END_TO_END],
      ['latencyP99', END_TO_END],
    ]);
    // Clients are the end-to-end view; load balancers neither queue nor scale.
    expect(plan.charts.find((c) => c.id === 'utilization')!.lines.map((l) => l.componentId)).toEqual(['api', 'db']);
    expect(plan.charts.find((c) => c.id === 'breakers')!.lines.map((l) => l.componentId)).toEqual(['api']);
  });

  it('details one component, with the end-to-end throughput as a reference line', () => {
    const plan = planDashboard(design, 'db');
    expect(plan.charts.map((c) => c.id)).toEqual(['load', 'latency', 'failures', 'utilization', 'queue', 'replicas']);
    expect(plan.charts[0]!.lines.map((l) => l.componentId)).toEqual(['db', 'db', END_TO_END]);
    expect(plan.hiddenCount).toBe(0);
  });

  it('keeps charts that apply to a picked client only', () => {
    expect(planDashboard(design, 'users').charts.map((c) => c.id)).toEqual(['load', 'latency', 'failures']);
  });

  it('falls back to the end-to-end view for an unknown component', () => {
    expect(planDashboard(design, 'gone').charts[0]!.title).toContain('end to end');
  });

  it('draws the busiest components first within the line budget and says how many are left out', () => {
    const many = Array.from({ length: MAX_COMPONENT_LINES + 3 }, (_, i) => component(`s${i}`, 'SERVICE'));
    const ranking = new Map(many.map((c, i) => [c.id, i]));
    const plan = planDashboard(many, undefined, ranking);
    const lines = plan.charts.find((c) => c.id === 'utilization')!.lines;
    expect(lines).toHaveLength(MAX_COMPONENT_LINES);
    expect(lines[0]!.componentId).toBe(`s${MAX_COMPONENT_LINES + 2}`);
    expect(plan.hiddenCount).toBe(3);
  });
});

describe('the queries of a plan', () => {
  it('asks once per metric for every component when the design is small', () => {
    const keys = planDashboard(design, undefined).queries.map(queryKey);
    expect(keys).toContain('throughput|*');
    expect(keys).toContain('latencyP50|_end_to_end');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks for each drawn line alone when the design is large', () => {
    const chart = { id: 'x', title: 'x', unit: 'count' as const, yRange: 'from-zero' as const, lines: [
      { label: 'a', metric: 'queueLength' as const, componentId: 'a', color: '#000' },
      { label: 'b', metric: 'queueLength' as const, componentId: 'b', color: '#000' },
    ] };
    expect(queriesFor([chart], false).map(queryKey)).toEqual(['queueLength|a', 'queueLength|b']);
    expect(queriesFor([chart], true).map(queryKey)).toEqual(['queueLength|*']);
  });
});

describe('the metric names the dashboard asks for', () => {
  it('are exactly the series the engine produces (contracts cannot import the engine, so this pins the copy)', () => {
    expect([...METRIC_NAMES]).toEqual([...SERIES_METRICS]);
  });

  it('are all known metrics', () => {
    const known = new Set<string>(METRIC_NAMES);
    for (const q of planDashboard(design, undefined).queries) expect(known.has(q.metric)).toBe(true);
  });
});
