import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy that lets `@elastic/elasticsearch` talk to an OpenSearch node, so the
 * Elasticsearch adapter's own requests run against a real engine where no Elasticsearch server can
 * be had (CI). It changes only what the two products spell differently: the client's
 * `application/vnd.elasticsearch+json; compatible-with=9` media types become plain JSON/NDJSON,
 * the `flattened` field type in index templates becomes OpenSearch's `flat_object`, and answers
 * carry the `x-elastic-product: Elasticsearch` header the client's product check wants. Bodies are
 * otherwise forwarded byte for byte.
 */
export async function startElasticsearchOverOpenSearch(opensearchUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(opensearchUrl);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.url?.startsWith('/_index_template/')) body = Buffer.from(body.toString('utf8').replaceAll('"flattened"', '"flat_object"'));
      const ndjson = /\/_bulk(\?|$)/.test(req.url ?? '');
      const headers: Record<string, string> = { 'content-type': ndjson ? 'application/x-ndjson' : 'application/json', accept: 'application/json', 'content-length': String(body.length) };
      const forward = request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-elastic-product': 'Elasticsearch' });
        answer.pipe(res);
      });
      forward.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify({ error: { type: 'proxy_error', reason: error.message } }));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
