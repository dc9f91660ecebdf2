import type { SimulationCostDto } from '@architech/contracts';
import { usd } from './cost-format';
import './cost.css';

/**
 * What a run cost (docs/providers.md): the simulated window's total, the month at this load, per
 * million successful requests, and a table per priced component; unpriced components are named.
 */
export function RunCost({ cost, nameOf }: { cost: SimulationCostDto; nameOf: (id: string) => string }) {
  const rows = Object.entries(cost.components).sort(([, x], [, y]) => y.monthly - x.monthly);
  return (
    <section className="card stack run-cost" aria-labelledby="run-cost-title">
      <h2 id="run-cost-title">Cost</h2>
      <dl className="cost-figures">
        <div>
          <dt>Per month at this load</dt>
          <dd data-testid="cost-monthly">{usd(cost.monthly)}</dd>
        </div>
        <div>
          <dt>This run ({cost.windowSec} s after warm-up)</dt>
          <dd data-testid="cost-total">{usd(cost.total)}</dd>
        </div>
        <div>
          <dt>Per million successful requests</dt>
          <dd data-testid="cost-per-million">{cost.perMillionSuccessful === null ? 'n/a' : usd(cost.perMillionSuccessful)}</dd>
        </div>
      </dl>
      <table className="cost-table">
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Instances</th>
            <th scope="col">Requests</th>
            <th scope="col">Compute</th>
            <th scope="col">This run</th>
            <th scope="col">Per month</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, c]) => (
            <tr key={id}>
              <th scope="row">{nameOf(id)}</th>
              <td>{usd(c.instance)}</td>
              <td>{usd(c.requests)}</td>
              <td>{usd(c.compute)}</td>
              <td>{usd(c.total)}</td>
              <td>{usd(c.monthly)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" style={{ margin: 0 }}>
        {cost.currency}, list prices{cost.overrides > 0 ? ` with ${cost.overrides} project price override${cost.overrides === 1 ? '' : 's'}` : ''}; instances × hours as they ran (autoscaling
        included), calls and serverless GB-seconds.
        {cost.unpriced.length > 0 && ` Not priced (no provider block or no price in its region): ${cost.unpriced.map(nameOf).join(', ')}.`}
      </p>
    </section>
  );
}
