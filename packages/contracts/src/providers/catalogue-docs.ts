import type { Distribution } from '../distribution.schema';
import { providerCatalogue } from './catalogue';
import { DEFAULT_PRICE_REGIONS } from './price-entry';
import { PRICE_TABLE } from './price-table';
import type { Provider } from './provider-ref.schema';

function describeDistribution(d: Distribution): string {
  switch (d.dist) {
    case 'normal':
    case 'lognormal':
      return `${d.dist} ${d.mean} ± ${d.stddev} ms`;
    case 'exponential':
      return `exponential ${d.mean} ms`;
    case 'constant':
      return `${d.value} ms`;
    case 'uniform':
      return `uniform ${d.min}–${d.max} ms`;
  }
}

function describeDefaults(defaults: Record<string, unknown>): string {
  const d = defaults as {
    replicas?: number;
    workers?: number;
    serviceTime?: Distribution;
    hitRatio?: number;
    serverless?: { maxConcurrency: number; concurrencyPerInstance: number; coldStart: Distribution; idleTimeoutSec: number; memoryMb: number };
    rateLimit?: { perSec: number; burst: number };
    maxDeliveries?: number;
  };
  const parts: string[] = [];
  if (d.replicas !== undefined) parts.push(`replicas ${d.replicas}`);
  if (d.workers !== undefined) parts.push(`workers ${d.workers}`);
  if (d.serviceTime) parts.push(`service ${describeDistribution(d.serviceTime)}`);
  if (d.hitRatio !== undefined) parts.push(`hitRatio ${d.hitRatio}`);
  const s = d.serverless;
  if (s) parts.push(`serverless: maxConcurrency ${s.maxConcurrency}, ${s.concurrencyPerInstance}/instance, cold start ${describeDistribution(s.coldStart)}, idle ${s.idleTimeoutSec} s, ${s.memoryMb} MB`);
  if (d.rateLimit) parts.push(`rateLimit ${d.rateLimit.perSec}/s, burst ${d.rateLimit.burst}`);
  if (d.maxDeliveries !== undefined) parts.push(`maxDeliveries ${d.maxDeliveries}`);
  return parts.join(', ');
}

/** The catalogue table of one provider, as docs/providers.md shows it (a test keeps the two equal). */
export function renderCatalogueTable(provider: Provider): string {
  const rows = providerCatalogue(provider).map((e) => {
    const skus = e.skus.map((s) => `\`${s.id}\` — ${s.description} (${s.workers}, ×${s.serviceTimeFactor}${s.rateLimit ? `, rateLimit ${s.rateLimit.perSec}/s` : ''})`).join('; ');
    return `| ${e.name} (\`${e.service}\`) | ${e.type} | ${e.category} | ${describeDefaults((e.defaults ?? {}) as Record<string, unknown>)} | ${skus} |`;
  });
  return ['| service (`provider.service`) | our type | category | defaults (default SKU) | SKUs: id — capacity (workers, service-time factor) |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The list prices of one provider, as docs/providers.md shows them (a test keeps the two equal). */
export function renderPriceTable(provider: Provider): string {
  const rows = PRICE_TABLE.filter((r) => r.provider === provider).map(
    (r) => `| \`${r.service}\` | ${r.sku ? `\`${r.sku}\`` : 'every SKU'} | ${r.unit} | ${r.price} | ${r.note ?? ''} | ${r.source} |`,
  );
  return [`Region \`${DEFAULT_PRICE_REGIONS[provider]}\`.`, '', '| service | SKU | unit | USD | note | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
