import type { INestApplication } from '@nestjs/common';
import { createInProcessEventBus, listen, startEmbeddedPostgres } from '@architech/service-kit';
import { createUsersApp, loadUsersConfig } from '@architech/users-service';
import { createProjectsApp, loadProjectsConfig } from '@architech/projects-service';
import { createDesignsApp, loadDesignsConfig } from '@architech/designs-service';
import { createGatewayApp, loadGatewayConfig, type LocalService } from '@architech/gateway-service';
import { createSimulationsApp, loadSimulationsConfig } from '@architech/simulations-service';
import { createTelemetryApp, loadTelemetryConfig, moveTelemetry } from '@architech/telemetry-service';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedSecrets } from './embedded-secrets';
import { freePort } from './free-port';

/** The web app built by `npm run build`, served by the gateway unless WEB_DIR says otherwise. */
const BUILT_WEB_APP = join(__dirname, '..', '..', '..', 'web', 'dist');

export interface EmbeddedTopologyOptions {
  /** Environment to read the configuration from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** Gateway port; 0 picks a free one. Defaults to GATEWAY_PORT or 8080. */
  gatewayPort?: number;
  quiet?: boolean;
}

export interface EmbeddedTopology {
  /** The gateway's base URL: the only public entry. */
  url: string;
  services: Record<'users' | 'projects' | 'designs' | 'simulations' | 'telemetry', string>;
  /** The databases in use: `main` (users, projects, designs, simulations) and telemetry's (the same unless separated). */
  databases: { main: string; telemetry: string };
  stop(): Promise<void>;
}

/**
 * Starts the whole backend in this process: embedded PGlite unless DATABASE_URL is set, an
 * in-process bus, the users, projects, designs, simulations and telemetry services on free loopback
 * ports, and the gateway in front. Each service keeps its own schema and talks to the others over
 * HTTP exactly as in the distributed topology; the gateway calls their applications directly
 * (GATEWAY_LOCAL_DISPATCH).
 */
export async function startEmbeddedTopology(options: EmbeddedTopologyOptions = {}): Promise<EmbeddedTopology> {
  const baseEnv = { ...(options.env ?? process.env) };
  const [usersPort, projectsPort, designsPort, simulationsPort, telemetryPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const services = {
    users: `http://127.0.0.1:${usersPort}`,
    projects: `http://127.0.0.1:${projectsPort}`,
    designs: `http://127.0.0.1:${designsPort}`,
    simulations: `http://127.0.0.1:${simulationsPort}`,
    telemetry: `http://127.0.0.1:${telemetryPort}`,
  };
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    USERS_URL: services.users,
    PROJECTS_URL: services.projects,
    DESIGNS_URL: services.designs,
    SIMULATIONS_URL: services.simulations,
    TELEMETRY_URL: services.telemetry,
  };
  if (env.WEB_DIR === undefined && existsSync(join(BUILT_WEB_APP, 'index.html'))) env.WEB_DIR = BUILT_WEB_APP;
  // No published development secret: generate one on the first start and keep it in DATA_DIR.
  Object.assign(env, embeddedSecrets(env.DATA_DIR || '.architech-data', env));
  // One in-process bus joins the simulations and telemetry services (Kafka in the distributed topology).
  const bus = createInProcessEventBus();
  const dataDir = env.DATA_DIR || '.architech-data';
  // Telemetry gets a PGlite instance of its own (own thread, own files): a run's ingestion then never
  // holds the single session that users, projects, designs and simulations share. Both start at once.
  const separateTelemetry = !env.DATABASE_URL && !env.TELEMETRY_DATABASE_URL;
  const starting = env.DATABASE_URL ? [] : [startEmbeddedPostgres(dataDir), ...(separateTelemetry ? [startEmbeddedPostgres(dataDir, env.TELEMETRY_DATA_DIR || 'pglite-telemetry')] : [])];
  const started = await Promise.allSettled(starting);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw failed.reason;
  }
  const [embedded, telemetryDb] = started.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof startEmbeddedPostgres>>>).value);
  if (embedded) env.DATABASE_URL = embedded.url;
  if (telemetryDb) env.TELEMETRY_DATABASE_URL = telemetryDb.url;
  const stopDatabases = async () => {
    await telemetryDb?.stop();
    await embedded?.stop();
  };
  const apps: INestApplication[] = [];
  try {
    // Telemetry stored by an earlier version in the shared instance moves to telemetry's own (once).
    if (embedded && telemetryDb) {
      const moved = await moveTelemetry(embedded.url, telemetryDb.url);
      if (moved > 0 && !options.quiet) process.stdout.write(`moved ${moved} telemetry rows to ${env.TELEMETRY_DATA_DIR || 'pglite-telemetry'}\n`);
    }
    const users = await createUsersApp(loadUsersConfig(env), { quiet: options.quiet });
    apps.push(users);
    await listen(users, usersPort);
    const projects = await createProjectsApp(loadProjectsConfig(env), { quiet: options.quiet });
    apps.push(projects);
    await listen(projects, projectsPort);
    const designs = await createDesignsApp(loadDesignsConfig(env), { quiet: options.quiet });
    apps.push(designs);
    await listen(designs, designsPort);
    const simulations = await createSimulationsApp(loadSimulationsConfig(env), bus, { quiet: options.quiet });
    apps.push(simulations);
    await listen(simulations, simulationsPort);
    const telemetry = await createTelemetryApp(loadTelemetryConfig(env), bus, { quiet: options.quiet });
    apps.push(telemetry);
    await listen(telemetry, telemetryPort);
    const gatewayConfig = loadGatewayConfig(env);
    // The gateway hands each request to its service's application in this process (no loopback HTTP
    // hop) unless GATEWAY_LOCAL_DISPATCH=false; the services still listen, for each other's calls.
    const handlerOf = (app: INestApplication) => app.getHttpAdapter().getInstance() as LocalService;
    const local = gatewayConfig.GATEWAY_LOCAL_DISPATCH
      ? { users: handlerOf(users), projects: handlerOf(projects), designs: handlerOf(designs), simulations: handlerOf(simulations), telemetry: handlerOf(telemetry) }
      : {};
    const gateway = await createGatewayApp(gatewayConfig, { quiet: options.quiet, local });
    apps.push(gateway);
    // One machine's product: loopback only, unless HOST (or GATEWAY_HOST) asks for another interface.
    const host = options.gatewayPort === 0 ? '127.0.0.1' : env.HOST || env.GATEWAY_HOST || '127.0.0.1';
    const url = await listen(gateway, options.gatewayPort ?? gatewayConfig.GATEWAY_PORT, host);
    return {
      url: url.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost'),
      services,
      databases: { main: env.DATABASE_URL as string, telemetry: (env.TELEMETRY_DATABASE_URL || env.DATABASE_URL) as string },
      stop: async () => {
        for (const app of apps.reverse()) await app.close();
        await bus.close();
        await stopDatabases();
      },
    };
  } catch (error) {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await stopDatabases();
    throw error;
  }
}
