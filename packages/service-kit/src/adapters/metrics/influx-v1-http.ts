import { MetricStoreError } from './metric-store-error';

/** Where and as whom to reach an InfluxDB through its v1 HTTP API. */
export interface InfluxV1Connection {
  /** e.g. `http://127.0.0.1:8086`; a path prefix (behind a proxy) is kept. */
  url: string;
  database: string;
  /** Sent as HTTP Basic credentials: a 1.x user, or for 2.x/3.x any name and a token as password. */
  username?: string;
  password?: string;
  /** Omitted: the database's default retention policy. */
  retentionPolicy?: string;
  /** Per request; default 30 000. */
  timeoutMs?: number;
}

/** One series of an InfluxQL answer (`results[i].series[j]`). */
export interface InfluxSeries {
  name: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
  partial?: boolean;
}

interface InfluxStatementResult {
  statement_id?: number;
  series?: InfluxSeries[];
  error?: string;
  partial?: boolean;
}

/**
 * The two endpoints of InfluxDB's v1 HTTP API that 1.x, 2.x (compatibility API) and 3.x all
 * serve: `/write` (line protocol) and `/query` (InfluxQL). Every failure becomes a
 * {@link MetricStoreError} that carries InfluxDB's own message.
 */
export class InfluxV1Http {
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;

  constructor(readonly connection: InfluxV1Connection) {
    let parsed: URL;
    try {
      parsed = new URL(connection.url);
    } catch {
      throw new MetricStoreError('invalid_config', `Invalid InfluxDB URL "${connection.url}"`, { url: connection.url });
    }
    if (!connection.database) throw new MetricStoreError('invalid_config', `No InfluxDB database named for ${connection.url}`, { url: connection.url });
    this.base = parsed.toString().replace(/\/+$/, '');
    this.timeoutMs = connection.timeoutMs ?? 30_000;
    this.headers = {};
    if (connection.username !== undefined || connection.password !== undefined) {
      const credentials = Buffer.from(`${connection.username ?? ''}:${connection.password ?? ''}`).toString('base64');
      this.headers.authorization = `Basic ${credentials}`;
    }
  }

  /** POSTs newline-separated line protocol with millisecond timestamps; resolves on 204. */
  async write(body: string): Promise<void> {
    const params = new URLSearchParams({ db: this.connection.database, precision: 'ms' });
    if (this.connection.retentionPolicy) params.set('rp', this.connection.retentionPolicy);
    await this.send('write', `/write?${params}`, { method: 'POST', body, headers: { ...this.headers, 'content-type': 'text/plain; charset=utf-8' } });
  }

  /**
   * Runs `;`-separated InfluxQL statements, times as epoch milliseconds; one result per statement.
   * Reads go by GET, which every version serves; statements that change something (CREATE, DROP)
   * must be POSTed.
   */
  async query(statements: string, options: { mutating?: boolean } = {}): Promise<InfluxSeries[][]> {
    const params = new URLSearchParams({ db: this.connection.database, q: statements, epoch: 'ms' });
    const response = options.mutating
      ? await this.send('query', '/query', { method: 'POST', body: params.toString(), headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded' } })
      : await this.send('query', `/query?${params}`, { method: 'GET', headers: this.headers });
    const { results } = (await response.json()) as { results?: InfluxStatementResult[] };
    return (results ?? []).map((result) => {
      if (result.error !== undefined) throw this.rejected('query', result.error, { statements });
      // A server's max-row-limit cuts answers silently apart from this flag: refuse to return
      // a truncated series as if it were whole.
      if (result.partial || result.series?.some((series) => series.partial)) {
        throw this.rejected('query', 'the answer was truncated (max-row-limit); ask for fewer points with maxPoints', { statements });
      }
      return result.series ?? [];
    });
  }

  private async send(what: 'write' | 'query', path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new MetricStoreError('unavailable', `InfluxDB at ${this.base} did not answer the ${what}: ${reason}`, { url: this.base }, { cause: error });
    }
    if (response.ok) return response;
    const text = await response.text();
    let message = text.trim() || response.statusText;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      // Not JSON (a proxy's page, say): its text is the message.
    }
    throw this.rejected(what, message, { status: response.status });
  }

  private rejected(what: string, message: string, details: Record<string, unknown>): MetricStoreError {
    return new MetricStoreError('rejected', `InfluxDB rejected the ${what} on database "${this.connection.database}": ${message}`, { url: this.base, ...details });
  }
}
