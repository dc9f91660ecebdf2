import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InfluxV1MetricStore } from '../src/adapters/metrics/influx-v1-metric-store';

/**
 * InfluxDB 2.x/3.x serve the v1 API for an existing bucket but refuse `CREATE DATABASE`: a server
 * that answers like them (no InfluxDB 2 can run here) checks how the store starts against it.
 */
function fakeInflux2(bucketExists: boolean): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const q = new URLSearchParams(req.method === 'POST' ? body : (req.url ?? '').split('?')[1]).get('q') ?? '';
      res.setHeader('content-type', 'application/json');
      if (q.startsWith('CREATE DATABASE')) return res.end(JSON.stringify({ results: [{ statement_id: 0, error: 'not implemented: CREATE DATABASE' }] }));
      if (!bucketExists) return res.end(JSON.stringify({ results: [{ statement_id: 0, error: 'database not found: architech' }] }));
      res.end(JSON.stringify({ results: [{ statement_id: 0, series: [{ name: 'measurements', columns: ['name'], values: [['throughput']] }] }] }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

describe('starting the InfluxDB metric store', () => {
  it('accepts an InfluxDB 2/3 that refuses CREATE DATABASE when the bucket is there', async () => {
    const { url, server } = await fakeInflux2(true);
    try {
      await expect(new InfluxV1MetricStore({ url, database: 'architech' }).ensureDatabase()).resolves.toBeUndefined();
    } finally {
      server.close();
    }
  });

  it('says to create the bucket when there is none', async () => {
    const { url, server } = await fakeInflux2(false);
    try {
      await expect(new InfluxV1MetricStore({ url, database: 'architech' }).ensureDatabase()).rejects.toThrow(/database 'architech' neither exists nor can be created .*create a bucket/);
    } finally {
      server.close();
    }
  });
});
