import { priceRows, type PriceEntry } from './price-entry';

const CLOUD_SQL = 'Enterprise edition: $0.0413 per vCPU-hour + $0.007 per GB-hour';

/** Google Cloud list prices, us-central1 (tier 1), on demand, free tiers ignored. */
export const GCP_PRICES: readonly PriceEntry[] = priceRows(
  'gcp',
  {
    'cloud-load-balancing': 'https://cloud.google.com/vpc/network-pricing#lb',
    'api-gateway': 'https://cloud.google.com/api-gateway/pricing',
    'cloud-run': 'https://cloud.google.com/run/pricing',
    'compute-engine': 'https://cloud.google.com/compute/vm-instance-pricing',
    'cloud-functions': 'https://cloud.google.com/functions/pricing',
    'cloud-sql-postgres': 'https://cloud.google.com/sql/pricing',
    'cloud-sql-mysql': 'https://cloud.google.com/sql/pricing',
    firestore: 'https://cloud.google.com/firestore/pricing',
    'memorystore-redis': 'https://cloud.google.com/memorystore/docs/redis/pricing',
    pubsub: 'https://cloud.google.com/pubsub/pricing',
  },
  [
    ['cloud-load-balancing', undefined, 'instance-hour', 0.025, 'one forwarding rule; data processing ($0.008 per GB) not modelled'],
    ['api-gateway', undefined, 'million-requests', 3.0, 'first 2 billion calls a month'],
    ['cloud-run', undefined, 'vcpu-second', 0.000024, 'request-based billing'],
    ['cloud-run', undefined, 'gb-second', 0.0000025, 'request-based billing'],
    ['cloud-run', undefined, 'million-requests', 0.4],
    ['compute-engine', 'n2-standard-2', 'instance-hour', 0.097118],
    ['compute-engine', 'e2-medium', 'instance-hour', 0.033503],
    ['compute-engine', 'e2-standard-2', 'instance-hour', 0.067006],
    ['compute-engine', 'n2-standard-4', 'instance-hour', 0.194236],
    ['compute-engine', 'c2-standard-4', 'instance-hour', 0.2088],
    ['compute-engine', 'n2-standard-8', 'instance-hour', 0.388472],
    ['cloud-functions', undefined, 'vcpu-second', 0.000024, '2nd gen (Cloud Run functions)'],
    ['cloud-functions', undefined, 'gb-second', 0.0000025, '2nd gen (Cloud Run functions)'],
    ['cloud-functions', undefined, 'million-requests', 0.4],
    ...(['cloud-sql-postgres', 'cloud-sql-mysql'] as const).flatMap((service) => [
      [service, 'db-custom-2-7680', 'instance-hour', 0.1351, CLOUD_SQL] as const,
      [service, 'db-g1-small', 'instance-hour', 0.035] as const,
      [service, 'db-custom-1-3840', 'instance-hour', 0.06755, CLOUD_SQL] as const,
      [service, 'db-custom-4-15360', 'instance-hour', 0.2702, CLOUD_SQL] as const,
      [service, 'db-custom-8-30720', 'instance-hour', 0.5404, CLOUD_SQL] as const,
    ]),
    ['firestore', 'reads', 'million-requests', 0.3, '$0.03 per 100,000 document reads'],
    ['firestore', 'writes', 'million-requests', 0.9, '$0.09 per 100,000 document writes'],
    ['memorystore-redis', 'standard-5gb', 'instance-hour', 0.27, 'M2 capacity tier: 5 GB × $0.054 per GB-hour'],
    ['memorystore-redis', 'basic-1gb', 'instance-hour', 0.049, 'M1: 1 GB × $0.049 per GB-hour'],
    ['memorystore-redis', 'standard-1gb', 'instance-hour', 0.064, 'M1: 1 GB × $0.064 per GB-hour'],
    ['pubsub', undefined, 'million-requests', 0.075, 'per million messages: publish + deliver, 1 KB minimum each, × $40 per TiB'],
  ],
);
