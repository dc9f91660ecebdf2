export { computeCost, HOURS_PER_MONTH } from './cost-model';
export type { ComponentCost, Cost, CostInput } from './cost-model';
export { estimateCost } from './estimate';
export { LIST_PRICES, priceOf, skuVcpu } from './price-book';
export type { PriceBook } from './price-book';
export { usageFromSummary } from './usage';
export type { ComponentUsage, RunUsage, UsageSummary } from './usage';
export { hasProviderBlocks, runCost } from './run-cost';
