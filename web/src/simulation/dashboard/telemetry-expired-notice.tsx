import type { SimulationDto } from '@architech/contracts';

/** Props of {@link TelemetryExpiredNotice}. */
export interface TelemetryExpiredNoticeProps {
  /** When retention deleted the run's telemetry (ISO 8601). */
  readonly expiredAt: string;
  readonly retentionDays: SimulationDto['telemetryRetentionDays'];
}

/**
 * Stands in for the charts, replay, traces and logs of a run whose telemetry retention deleted
 * (docs/data-lifecycle.md): says when and why, and that the summary is kept.
 */
export function TelemetryExpiredNotice({ expiredAt, retentionDays }: TelemetryExpiredNoticeProps) {
  const on = new Date(expiredAt).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  const retention = retentionDays === null ? '' : ` (retention ${retentionDays} ${retentionDays === 1 ? 'day' : 'days'})`;
  return (
    <p className="alert info" role="status" aria-label="Telemetry expired">
      Telemetry expired on {on}
      {retention}; the summary is kept.
    </p>
  );
}
