/**
 * InfluxQL quoting. Both quoted forms share one escape syntax (`\\`, `\n` and the quote itself);
 * any other backslash sequence is a parse error, so backslashes are always doubled.
 */
function escape(text: string, quote: '"' | "'"): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(quote === '"' ? /"/g : /'/g, `\\${quote}`);
}

/** A measurement, tag key or database name as a double-quoted identifier. */
export function quoteIdentifier(name: string): string {
  return `"${escape(name, '"')}"`;
}

/** A tag value as a single-quoted string literal, for `WHERE "tag" = '…'`. */
export function quoteString(value: string): string {
  return `'${escape(value, "'")}'`;
}

/**
 * A time bound as an InfluxQL literal: integer nanoseconds since epoch 0, computed from whole
 * milliseconds (the write precision) with BigInt so no float rounding creeps into the bound.
 */
export function timeLiteral(ms: number): string {
  return (BigInt(ms) * 1_000_000n).toString();
}
