import { Controller, Get, Inject } from '@nestjs/common';
import { ApiException, Public } from '@architech/service-kit';
import { buildOpenApiDocument } from '../openapi/openapi-document';
import { GatewayConfigToken, type GatewayConfig } from '../gateway-config.token';

/** The gateway's own routes: the OpenAPI document and readiness of the whole chain. */
@Controller()
export class GatewayController {
  private readonly document = buildOpenApiDocument();

  constructor(@Inject(GatewayConfigToken) private readonly config: GatewayConfig) {}

  @Public()
  @Get('api/docs')
  docs(): Record<string, unknown> {
    return this.document;
  }

  /** Ready when every service behind the gateway is ready. */
  @Public()
  @Get('ready/upstreams')
  async upstreams(): Promise<{ status: 'ready'; services: Record<string, string> }> {
    const services: Record<string, string> = {};
    const targets = { users: this.config.USERS_URL, projects: this.config.PROJECTS_URL, designs: this.config.DESIGNS_URL, simulations: this.config.SIMULATIONS_URL, telemetry: this.config.TELEMETRY_URL };
    await Promise.all(
      Object.entries(targets).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2000) });
          services[name] = response.ok ? 'ready' : `not ready (${response.status})`;
        } catch {
          services[name] = 'unreachable';
        }
      }),
    );
    if (Object.values(services).some((s) => s !== 'ready')) throw new ApiException(503, 'not_ready', 'some services are not ready', services);
    return { status: 'ready', services };
  }
}
