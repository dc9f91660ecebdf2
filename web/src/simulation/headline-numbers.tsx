import type { SimulationSummaryDto } from '@architech/contracts';
import { formatMs, formatPercent, formatRate } from './metric-format';

/** An end-to-end error rate from which the tile turns red: beyond two nines of success an SRE looks twice. */
const ERROR_RATE_ALARM = 0.01;

/** Props of {@link HeadlineNumbers}. */
export interface HeadlineNumbersProps {
  readonly summary: SimulationSummaryDto;
  /** 95% half-widths, with replications. */
  readonly ci95: SimulationSummaryDto | undefined;
  readonly replications: number | undefined;
}

/** The run's end-to-end figures, each with its 95% confidence half-width when there were replications. */
export function HeadlineNumbers({ summary, ci95, replications }: HeadlineNumbersProps) {
  const e = summary.endToEnd;
  const h = ci95?.endToEnd;
  const tiles = [
    { label: 'Throughput', value: formatRate(e.throughput), ci: h && formatRate(h.throughput) },
    { label: 'Error rate', value: formatPercent(e.errorRate), ci: h && formatPercent(h.errorRate), alarm: e.errorRate >= ERROR_RATE_ALARM },
    { label: 'Latency p50', value: formatMs(e.latency.p50), ci: h && formatMs(h.latency.p50) },
    { label: 'Latency p95', value: formatMs(e.latency.p95), ci: h && formatMs(h.latency.p95) },
    { label: 'Latency p99', value: formatMs(e.latency.p99), ci: h && formatMs(h.latency.p99) },
  ];
  return (
    <section aria-label="End-to-end results" className="headline">
      <ul className="headline-tiles">
        {tiles.map((t) => (
          <li key={t.label} className={`headline-tile ${t.alarm ? 'alarm' : ''}`}>
            <span className="headline-label">{t.label}</span>
            <span className="headline-value">{t.value}</span>
            {t.ci && <span className="headline-ci" title="95% confidence half-width over the replications">± {t.ci}</span>}
          </li>
        ))}
      </ul>
      <p className="muted headline-note">
        End to end, after warm-up{replications !== undefined && replications > 1 ? `; mean of ${replications} replications with 95% confidence half-widths` : ''}. Latencies are of successful requests.
      </p>
    </section>
  );
}
