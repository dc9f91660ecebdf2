import { ApiException } from '../errors/api-exception';
import { currentRequestContext } from './request-context';

/**
 * Calls another service's internal API over HTTP (services never import each other's code),
 * forwarding the request id and trace context and authenticating with the internal token.
 */
export class ServiceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly internalToken: string,
    private readonly name: string,
  ) {}

  /** GET a JSON document; undefined on 404. */
  async get<T>(path: string): Promise<T | undefined> {
    const response = await this.send('GET', path);
    if (response.status === 404) return undefined;
    return (await response.json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await this.send('POST', path, body);
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const context = currentRequestContext();
    const headers: Record<string, string> = { 'x-internal-token': this.internalToken, accept: 'application/json' };
    if (context) headers['x-request-id'] = context.requestId;
    if (context?.traceparent) headers.traceparent = context.traceparent;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new ApiException(503, 'dependency_unavailable', `${this.name} service is unreachable: ${(error as Error).message}`);
    }
    if (!response.ok && response.status !== 404) {
      throw new ApiException(502, 'dependency_failed', `${this.name} service answered ${response.status}`);
    }
    return response;
  }
}
