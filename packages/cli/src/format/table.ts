/** A column of a text table: numbers align right so that their digits line up. */
export interface Column {
  header: string;
  align: 'left' | 'right';
}

/**
 * Lays out rows under headers, each column as wide as its widest cell, two spaces apart.
 * Returns the lines, without trailing spaces.
 *
 * @example renderTable([{ header: 'id', align: 'left' }, { header: 'rps', align: 'right' }], [['web', '45.69']])
 * // ['  id     rps', '  web  45.69']
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    (indent + columns.map((column, i) => (column.align === 'left' ? (cells[i] ?? '').padEnd(widths[i]) : (cells[i] ?? '').padStart(widths[i]))).join('  ')).trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}
