import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { END_TO_END } from '@architech/contracts';
import { SERIES_METRICS } from '@architech/sim-engine';
import { parse } from 'yaml';
import { toLine } from '../../../packages/service-kit/src/adapters/metrics/line-protocol';
import { REPOSITORY_ROOT } from './support/service-configs';

/*
 * Grafana's provisioning (infra/grafana) against what the telemetry service writes to InfluxDB:
 * one measurement per engine series, tags from the line protocol, the end-to-end component id of
 * the contracts.
 */

interface Target {
  query: string;
  datasource: { uid: string };
}

interface Panel {
  title: string;
  datasource: { uid: string };
  targets: Target[];
}

interface Dashboard {
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; query: string; datasource: { uid: string } }[] };
  time: { from: string; to: string };
}

const grafana = join(REPOSITORY_ROOT, 'infra', 'grafana');
const dashboard = JSON.parse(readFileSync(join(grafana, 'dashboards', 'architech.json'), 'utf8')) as Dashboard;
const datasources = parse(readFileSync(join(grafana, 'provisioning', 'datasources', 'influxdb.yaml'), 'utf8')) as {
  datasources: { uid: string; type: string; url: string; user: string; jsonData: { dbName: string }; secureJsonData: { password: string } }[];
};
const queries = dashboard.panels.flatMap((panel) => panel.targets.map((target) => ({ panel: panel.title, query: target.query })));

/** The tag keys a metric point is written with, read off the line protocol itself. */
const TAGS = toLine({ simulationId: 's', componentId: 'c', componentType: 't', metric: 'm', timeSec: 0, value: 1 })
  .split(' ')[0]
  .split(',')
  .slice(1)
  .map((tag) => tag.split('=')[0]);

describe('the Grafana provisioning', () => {
  it('reads the InfluxDB of the telemetry service with InfluxQL, configured from the environment', () => {
    expect(datasources.datasources).toHaveLength(1);
    const [influx] = datasources.datasources;
    expect(influx).toMatchObject({ type: 'influxdb', url: '$INFLUX_URL', user: '$INFLUX_USERNAME', jsonData: { dbName: '$INFLUX_DATABASE' }, secureJsonData: { password: '$INFLUX_PASSWORD' } });
  });

  it('has every panel, query and variable of the dashboard use that data source', () => {
    const uid = datasources.datasources[0].uid;
    const used = [...dashboard.panels.flatMap((p) => [p.datasource, ...p.targets.map((t) => t.datasource)]), ...dashboard.templating.list.map((v) => v.datasource)];
    expect(new Set(used.map((d) => d.uid))).toEqual(new Set([uid]));
  });

  it('queries only measurements the engine writes, by the tags the metric store writes', () => {
    const measurements = queries.map(({ query }) => /FROM "([^"]+)"/.exec(query)?.[1]);
    expect(measurements.filter((m) => !(SERIES_METRICS as readonly string[]).includes(m ?? ''))).toEqual([]);
    const tags = queries.flatMap(({ query }) => [...query.matchAll(/"([a-z_]+)" *(?:=~?|!=)/g)].map((match) => match[1]));
    expect(tags.filter((tag) => !TAGS.includes(tag))).toEqual([]);
    for (const { panel, query } of queries) expect({ panel, filtered: /"simulation_id" = '\$simulation_id'/.test(query) && query.includes('$timeFilter') }).toEqual({ panel, filtered: true });
  });

  it('shows throughput, latency percentiles, errors, utilisation, queue length and replicas', () => {
    const measurements = new Set(queries.map(({ query }) => /FROM "([^"]+)"/.exec(query)?.[1]));
    for (const metric of ['throughput', 'latencyP50', 'latencyP95', 'latencyP99', 'errors', 'utilization', 'queueLength', 'replicas']) expect(measurements).toContain(metric);
  });

  it('picks a simulation and its components from the tags', () => {
    const variables = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v.query]));
    expect(variables.simulation_id).toMatch(/SHOW TAG VALUES .* WITH KEY = "simulation_id"/);
    expect(variables.component_id).toMatch(/SHOW TAG VALUES .* WITH KEY = "component_id" WHERE "simulation_id" = '\$simulation_id'/);
  });

  it('shows the end-to-end series under the component id they are published with', () => {
    const endToEndQueries = queries.filter(({ query }) => query.includes(`"component_id" = '`));
    expect(endToEndQueries.length).toBeGreaterThan(0);
    for (const { query } of endToEndQueries) expect(query).toContain(`"component_id" = '${END_TO_END}'`);
  });

  it('opens on simulated time: second 0 of a run is the epoch', () => {
    expect(new Date(dashboard.time.from).getTime()).toBe(0);
    expect(new Date(dashboard.time.to).getTime()).toBeGreaterThan(0);
  });
});
