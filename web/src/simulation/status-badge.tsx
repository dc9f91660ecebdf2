import type { SimulationState } from '@architech/contracts';

const TEXT: Record<SimulationState, string> = { PENDING: 'pending', RUNNING: 'running', COMPLETED: 'completed', FAILED: 'failed', CANCELLED: 'cancelled' };

/** A simulation's state as a coloured badge. */
export function StatusBadge({ state }: { state: SimulationState }) {
  return <span className={`badge status-${state.toLowerCase()}`}>{TEXT[state]}</span>;
}
