import type { TraceDto } from '@architech/contracts';
import { simulationConfigSchema } from '@architech/contracts';
import { renderRunReportHtml } from './html';
import { reproduceCommand } from './reproduce';
import { niceScale, renderLineChart } from './svg-chart';
import { renderWaterfall } from './svg-waterfall';
import type { RunReportInput } from './types';

const summary = {
  endToEnd: { requests: 100, completions: 90, errors: 10, throughput: 9, errorRate: 0.1, latency: { mean: 20, p50: 15, p95: 40, p99: 60, max: 80 } },
  components: {},
};

function input(over: Partial<RunReportInput> = {}): RunReportInput {
  const config = simulationConfigSchema.parse({ durationSec: 60, seed: 4, replications: 2, faults: [{ type: 'crash', target: 'db', startSec: 10, durationSec: 5 }], hypothesis: [{ metric: 'latencyP99Ms', op: '<', value: 100 }] });
  return {
    status: 'COMPLETED',
    generatedAt: '2026-01-01T00:00:00.000Z',
    design: { name: 'Shop <script>alert(1)</script>', contentHash: 'sha256:ab', components: 2, connections: 1 },
    engineVersion: '0.1.0',
    config,
    settings: { durationSec: 60, warmupSec: 0, warmupMode: 'fixed', seed: 4, bucketSec: 1 },
    replications: 2,
    events: 1000,
    wallMs: 12,
    summary,
    ci95: { ...summary, endToEnd: { ...summary.endToEnd, throughput: 0.5 } },
    faults: [{ type: 'crash', target: 'db', startSec: 10, endSec: 15, params: {} }],
    series: [{ title: 'Throughput', unit: 'req/s', points: [0, 1, 2].map((i) => ({ timeSec: i * 20, value: 9 })) }],
    slowest: [],
    failed: [],
    reproduce: { command: 'architech simulate design.json', files: [{ name: 'design.json', json: '{"a":"</code><img src=x>"}' }] },
    ...over,
  };
}

describe('renderRunReportHtml', () => {
  it('escapes every value it is given and makes no reference outside the file', () => {
    const html = renderRunReportHtml(input());
    expect(html).toContain('Shop &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;/code&gt;&lt;img src=x&gt;');
    expect(html).not.toMatch(/<script|<img|<link|url\(|https?:\/\//i);
  });

  it('states the verdict from the hypothesis and the CI of each headline figure', () => {
    const html = renderRunReportHtml(input());
    expect(html).toContain('Verdict: the hypothesis holds.');
    expect(html).toContain('9 req/s <span class="ci">± 0.5 req/s</span>');
    const broken = renderRunReportHtml(input({ summary: { ...summary, endToEnd: { ...summary.endToEnd, latency: { ...summary.endToEnd.latency, p99: 150 } } } }));
    expect(broken).toContain('Verdict: the hypothesis does not hold (1 of 1 conditions broken).');
  });

  it('is pure: the same input gives the same document', () => {
    expect(renderRunReportHtml(input())).toBe(renderRunReportHtml(input()));
  });
});

describe('report charts and waterfalls', () => {
  it('shades a fault window where it happened on the time axis', () => {
    const svg = renderLineChart({ title: 't', unit: 'u', points: [{ timeSec: 0, value: 1 }] }, { durationSec: 100, warmupSec: 0, faults: [{ type: 'crash', target: 'db', startSec: 25, endSec: 50, params: {} }] });
    // Plot from x=56 to x=668 (612 px): 25 s → 56 + 153 = 209, 25 s wide → 153 px.
    expect(svg).toMatch(/<rect class="fault" x="209" y="14" width="153"/);
    expect(niceScale(87)).toEqual({ top: 100, step: 25 });
  });

  it('draws parents above the children they enclose', () => {
    const span = (spanId: string, parentSpanId: string | null, startMs: number, endMs: number) => ({ traceId: 't', spanId, parentSpanId, name: spanId, kind: 'SERVER' as const, componentId: spanId, componentType: 'SERVICE', startMs, endMs, durationMs: endMs - startMs, status: { code: 'OK' as const }, attributes: {} });
    const trace: TraceDto = { traceId: 't', rootComponentId: 'root', startMs: 0, durationMs: 10, status: 'OK', reason: 'slow', spans: [span('child', 'root', 0, 10), span('root', null, 0, 10)] };
    const svg = renderWaterfall(trace);
    expect(svg.indexOf('root · root')).toBeLessThan(svg.indexOf('child · child'));
  });
});

describe('reproduceCommand', () => {
  it('spells out every setting and quotes file names for the shell', () => {
    const config = simulationConfigSchema.parse({ durationSec: 30, warmupSec: 'auto', seed: 9, replications: 4, faults: [{ type: 'crash', target: 'db', startSec: 1, durationSec: 2 }], workload: { rateMultiplier: 2, clients: { users: { ratePerSec: 5 } } } });
    const { command, note } = reproduceCommand(config, { designFile: "my design's.json", faultsFile: 'faults.json' });
    expect(command).toBe(`architech simulate 'my design'\\''s.json' --duration 30 --warmup auto --seed 9 --replications 4 --sample-rate 0.01 --rate-multiplier 2 --faults faults.json`);
    expect(note).toContain('users: 5/s');
  });
});
