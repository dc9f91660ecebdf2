/** What one component cost over a run's window, USD, by what it is billed for (docs/providers.md). */
export interface ComponentCostDto {
  /** Provisioned instances: instance-hours × price per instance-hour. */
  instance: number;
  /** Calls: arrivals / 10⁶ × price per million. */
  requests: number;
  /** Serverless execution: GB-seconds and vCPU-seconds × their prices. */
  compute: number;
  total: number;
  /** `total` as a month at the simulated load. */
  monthly: number;
}

/**
 * The cost of a run (docs/providers.md, "How cost is computed"): present on a result when at least
 * one component has a `provider` block.
 */
export interface SimulationCostDto {
  /** The window the usage covers (the run after warm-up), seconds. */
  windowSec: number;
  currency: 'USD';
  total: number;
  /** `total` × 730 h / window hours: a month at the simulated load. */
  monthly: number;
  /** USD per million successful client requests; null when none succeeded. */
  perMillionSuccessful: number | null;
  components: Record<string, ComponentCostDto>;
  /** Components without a provider block, or without a price for it (another region: override it). */
  unpriced: string[];
  /** Project price overrides the prices were read with (0: list prices only). */
  overrides: number;
}
