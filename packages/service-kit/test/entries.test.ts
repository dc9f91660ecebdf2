import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The main entry must not load the heavy adapters' clients: Kafka lives behind
 * `@architech/service-kit/kafka`, Elasticsearch and OpenSearch behind `@architech/service-kit/search`.
 * Each check runs in a fresh Node process against the built entry (dist/, what services load) and
 * lists which of those modules ended up in `require.cache`.
 */
const DIST = join(__dirname, '..', 'dist');
const HEAVY = ['kafkajs', '@elastic/elasticsearch', '@opensearch-project/opensearch'];

function loadedBy(entry: string): string[] {
  const script = `
    require(${JSON.stringify(join(DIST, entry))});
    const heavy = ${JSON.stringify(HEAVY)};
    const loaded = heavy.filter((name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/')));
    process.stdout.write(JSON.stringify(loaded));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
}

describe('service-kit entries', () => {
  it('the main entry loads neither kafkajs nor a search client', () => {
    expect(loadedBy('index.js')).toEqual([]);
  });

  it('the kafka entry loads kafkajs and no search client', () => {
    expect(loadedBy('kafka.js')).toEqual(['kafkajs']);
  });

  it('the search entry loads both search clients and not kafkajs', () => {
    expect(loadedBy('search.js')).toEqual(['@elastic/elasticsearch', '@opensearch-project/opensearch']);
  });

  it('resolves each entry by its package name, as services import it (jest through package.json "exports")', async () => {
    expect(typeof (await import('@architech/service-kit/kafka')).createEventBus).toBe('function');
    expect(typeof (await import('@architech/service-kit/search')).createTraceStore).toBe('function');
  });

  it('each entry is published in package.json', () => {
    const { exports } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(exports)).toEqual(expect.arrayContaining(['.', './kafka', './search']));
  });
});
