/** A unique InfluxDB database name for one test suite (the suite creates it through the adapter). */
export function uniqueInfluxDatabase(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
}

/** Drops a test database, so suites leave nothing behind on a shared InfluxDB. */
export async function dropInfluxDatabase(url: string, database: string): Promise<void> {
  const response = await fetch(`${url.replace(/\/+$/, '')}/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ q: `DROP DATABASE "${database}"` }).toString(),
  });
  if (!response.ok) throw new Error(`DROP DATABASE ${database} failed: ${response.status} ${await response.text()}`);
}
