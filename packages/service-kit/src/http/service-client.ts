import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ApiException } from '../errors/api-exception';
import { currentRequestContext } from './request-context';

/** How long a call may take, from sending to the last byte of the answer. */
const TIMEOUT_MS = 10_000;

/** An answer read whole: status and body text. */
interface Answer {
  status: number;
  text: string;
}

/**
 * Calls another service's internal API over HTTP (services never import each other's code),
 * forwarding the request id and trace context and authenticating with the internal token.
 *
 * Built on `node:http` with a keep-alive agent per client rather than `fetch`: these calls sit on
 * the path of most requests (a membership check per design save), and undici's fetch costs about
 * three times the CPU per call of a plain request on a kept-alive socket (docs/benchmarks.md).
 */
export class ServiceClient {
  /** Idle sockets are closed after 4 s, before a Node server's 5-s keep-alive timeout closes them. */
  private readonly agents = { http: new HttpAgent({ keepAlive: true, timeout: 4_000 }), https: new HttpsAgent({ keepAlive: true, timeout: 4_000 }) };

  /** `baseUrl` is read when a call is made: a peer a topology does not run may be configured as ''. */
  constructor(
    private readonly baseUrl: string,
    private readonly internalToken: string,
    private readonly name: string,
  ) {}

  /** GET a JSON document; undefined on 404. */
  async get<T>(path: string): Promise<T | undefined> {
    const answer = await this.send('GET', path);
    if (answer.status === 404) return undefined;
    return this.json<T>(answer, path);
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>(await this.send('POST', path, body), path);
  }

  private json<T>(answer: Answer, path: string): T {
    try {
      return JSON.parse(answer.text) as T;
    } catch {
      throw new ApiException(502, 'dependency_failed', `${this.name} service answered ${path} with a body that is not JSON`);
    }
  }

  private async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const context = currentRequestContext();
    const headers: Record<string, string> = { 'x-internal-token': this.internalToken, accept: 'application/json' };
    if (context) headers['x-request-id'] = context.requestId;
    if (context?.traceparent) headers.traceparent = context.traceparent;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    let answer: Answer;
    try {
      answer = await this.exchange(method, new URL(path, this.baseUrl), headers, payload);
    } catch (error) {
      throw new ApiException(503, 'dependency_unavailable', `${this.name} service is unreachable: ${(error as Error).message}`);
    }
    if ((answer.status < 200 || answer.status > 299) && answer.status !== 404) {
      throw new ApiException(502, 'dependency_failed', `${this.name} service answered ${answer.status}`);
    }
    return answer;
  }

  /**
   * One request on the agent's kept-alive sockets; rejects on a network error or after
   * {@link TIMEOUT_MS}. A kept-alive socket the server closed just as it was reused is retried
   * once on a new one (the request never reached the server).
   */
  private exchange(method: string, url: URL, headers: Record<string, string>, payload: Buffer | undefined, retried = false): Promise<Answer> {
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const agent = secure ? this.agents.https : this.agents.http;
    return new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      const request = send(url, { method, headers, agent }, (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('the answer was cut off')));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 502, text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (!retried && request.reusedSocket && error.code === 'ECONNRESET') {
          clearTimeout(timer);
          resolve(this.exchange(method, url, headers, payload, true));
        } else fail(error);
      });
      request.end(payload);
    });
  }
}
