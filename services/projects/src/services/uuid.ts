const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a uuid in its canonical text form (what Postgres would accept as one of our ids). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
