import type { Fault, SimulationDto } from '@architech/contracts';
import { formatMs, formatNumber, formatPercent } from './metric-format';

/** Props of {@link ConfigurationPanel}. */
export interface ConfigurationPanelProps {
  readonly simulation: SimulationDto;
  /** Component and connection names by id, as the canvas shows them. */
  readonly nameOf: (id: string) => string;
}

/**
 * How a run was configured: length, warm-up, seed, replications, tracing, and its fault scenario.
 * Collapsed to one line (a `<details>`), so the tabs below stay in view; open it for everything.
 */
export function ConfigurationPanel({ simulation, nameOf }: ConfigurationPanelProps) {
  const { configuration: c, result } = simulation;
  const warmup = c.warmupSec === 'auto' ? (result ? `auto (detected ${formatNumber(result.settings.warmupSec)} s)` : 'auto (detected during the run)') : `${formatNumber(c.warmupSec)} s`;
  const replications = c.targetRelError !== undefined ? `${c.replications}–${c.maxReplications}, until ±${formatPercent(c.targetRelError)}${result ? ` (ran ${result.replications})` : ''}` : String(c.replications);
  const faultLine =
    c.faults.length === 0
      ? 'no faults'
      : c.faults.length === 1
        ? `${c.faults[0]!.type.replace('_', ' ')} on ${nameOf(c.faults[0]!.target)} at ${formatNumber(c.faults[0]!.startSec)}–${c.faults[0]!.durationSec === undefined ? 'end' : formatNumber(c.faults[0]!.startSec + c.faults[0]!.durationSec)} s`
        : `${c.faults.length} faults`;
  return (
    <details className="card config-details">
      <summary>
        <strong id="configuration-title">Configuration</strong>{' '}
        <span className="muted">
          {formatNumber(c.durationSec)} s · warm-up {warmup} · seed {c.seed} · {replications} replication{replications === '1' ? '' : 's'} · {faultLine}
        </span>
      </summary>
    <section className="stack" aria-labelledby="configuration-title">
      <dl className="facts">
        <div>
          <dt>Duration</dt>
          <dd>{formatNumber(c.durationSec)} simulated s</dd>
        </div>
        <div>
          <dt>Warm-up</dt>
          <dd>{warmup}</dd>
        </div>
        <div>
          <dt>Seed</dt>
          <dd className="num">{c.seed}</dd>
        </div>
        <div>
          <dt>Replications</dt>
          <dd>{replications}</dd>
        </div>
        <div>
          <dt>Trace sampling</dt>
          <dd>
            {formatPercent(c.tracing.sampleRate)}, at most {formatNumber(c.tracing.maxTraces)} traces
          </dd>
        </div>
      </dl>
      <h3>Faults</h3>
      {c.faults.length === 0 ? (
        <p className="muted">None: a steady-state run.</p>
      ) : (
        <table className="list compact" aria-label="Faults">
          <thead>
            <tr>
              <th scope="col">Fault</th>
              <th scope="col">Target</th>
              <th scope="col">From (s)</th>
              <th scope="col">For</th>
              <th scope="col">Parameters</th>
            </tr>
          </thead>
          <tbody>
            {c.faults.map((fault, i) => (
              <tr key={i}>
                <td>
                  <span className={`badge fault-${fault.type}`}>{fault.type.replace('_', ' ')}</span>
                </td>
                <td>{nameOf(fault.target)}</td>
                <td className="num">{formatNumber(fault.startSec)}</td>
                <td className="num">{fault.durationSec === undefined ? 'to the end' : `${formatNumber(fault.durationSec)} s`}</td>
                <td className="muted">{faultParameters(fault)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
    </details>
  );
}

/** The parameters particular to a fault type, in words. */
function faultParameters(fault: Fault): string {
  switch (fault.type) {
    case 'crash':
      return fault.replicas === undefined ? 'all replicas' : `${fault.replicas} replica${fault.replicas === 1 ? '' : 's'}`;
    case 'latency':
      return `+${formatMs(fault.delayMs)} per request`;
    case 'error':
      return `${formatPercent(fault.rate)} of requests fail`;
    case 'packet_loss':
      return `${formatPercent(fault.rate)} of messages lost`;
    case 'partition':
      return 'nothing crosses';
    case 'slowdown':
      return `service times ×${formatNumber(fault.factor)}`;
  }
}
