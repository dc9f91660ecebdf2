import type { SimulationCostDto } from '@architech/contracts';
import { costRows, usd, usdDelta } from './cost-format';
import './cost.css';

/** B − A as a class: cheaper is better. */
const tone = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || a === b ? '' : b < a ? 'better' : 'worse');

/**
 * The cost of two runs side by side (compare page): a month at each run's load, per million
 * successful requests, and per component, each with B − A (green when B is cheaper).
 */
export function CostDelta({ a, b, nameOf }: { a: SimulationCostDto | undefined; b: SimulationCostDto | undefined; nameOf: (id: string) => string }) {
  if (!a && !b) return null;
  const money = (v: number | undefined) => (v === undefined ? '—' : usd(v));
  const delta = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined ? '—' : usdDelta(x, y));
  const perMillion = (c: SimulationCostDto | undefined) => c?.perMillionSuccessful ?? undefined;
  return (
    <section className="card stack" aria-labelledby="cost-delta-title">
      <h2 id="cost-delta-title">Cost</h2>
      <table className="cost-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Per month at the run's load</th>
            <td>{money(a?.monthly)}</td>
            <td>{money(b?.monthly)}</td>
            <td className={tone(a?.monthly, b?.monthly)} data-testid="cost-delta-monthly">
              {delta(a?.monthly, b?.monthly)}
            </td>
          </tr>
          <tr>
            <th scope="row">Per million successful requests</th>
            <td>{money(perMillion(a))}</td>
            <td>{money(perMillion(b))}</td>
            <td className={tone(perMillion(a), perMillion(b))}>{delta(perMillion(a), perMillion(b))}</td>
          </tr>
          {costRows(a, b).map((row) => (
            <tr key={row.id}>
              <th scope="row">· {nameOf(row.id)} per month</th>
              <td>{money(row.a)}</td>
              <td>{money(row.b)}</td>
              <td className={tone(row.a, row.b)}>{delta(row.a, row.b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(!a || !b) && <p className="muted">Only run {a ? 'A' : 'B'} has a cost: the other design has no provider building blocks.</p>}
    </section>
  );
}
