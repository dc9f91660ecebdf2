import { renderProgressLine } from '../src/format/progress-bar';
import { formatCount, formatFixed, formatPercent } from '../src/format/numbers';
import { renderTable } from '../src/format/table';
import { locateJsonSyntaxError } from '../src/json-syntax-error';

describe('number formatting', () => {
  it('uses fixed decimals and thousands separators, whatever the locale', () => {
    expect(formatFixed(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
    expect(formatFixed(-1500, 0)).toBe('-1,500');
    expect(formatFixed(Infinity, 2)).toBe('-');
    expect(formatFixed(null, 2)).toBe('-');
  });

  it('shows whole counts as integers and mean counts with one decimal', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(2991.5)).toBe('2,991.5');
    expect(formatPercent(0.08324)).toBe('8.3');
  });
});

describe('a text table', () => {
  it('aligns text left and numbers right, without trailing spaces', () => {
    const lines = renderTable([{ header: 'id', align: 'left' }, { header: 'req/s', align: 'right' }, { header: '', align: 'left' }], [['web', '1.5', ''], ['database', '1,234.5', 'x']]);
    expect(lines).toEqual(['  id          req/s', '  web           1.5', '  database  1,234.5  x']);
  });
});

describe('the progress line', () => {
  const progress = { fraction: 0.5, replication: 1, replications: 3, simTimeMs: 30_000, events: 123_456 };

  it('shows the bar, the percentage, the replication, simulated time and events', () => {
    expect(renderProgressLine(progress, 120)).toBe('simulating [██████████░░░░░░░░░░]  50%  run 2/3  t=30.0 s  123,456 events');
  });

  it('never reaches the last column, so the terminal does not wrap it', () => {
    expect(renderProgressLine(progress, 40)).toHaveLength(39);
  });
});

describe('locating a JSON syntax error', () => {
  it.each([
    ['{"a": 1,}', 1, 9, "expected a property name in double quotes, found '}'"],
    ['{\n  "a": [1, 2\n}', 3, 1, "expected ',' or ']' after an array element, found '}'"],
    ['{"a": tru}', 1, 7, "expected a value, found 't'"],
    ['{"a": "x\ny"}', 1, 9, 'unescaped control character (e.g. a line break) in a string, found \'\n\''],
    ['[1] [2]', 1, 5, "unexpected data after the JSON value, found '['"],
    ['{"a": 01}', 1, 8, "expected ',' or '}' after a property value, found '1'"],
    ['{"a": "\\x"}', 1, 8, "invalid escape sequence, found '\\'"],
    ['"abc', 1, 5, 'unterminated string, found the end of the file'],
  ])('%j → line %i, column %i', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)).toEqual({ line, column, reason });
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(locateJsonSyntaxError('{"a": [1, -2.5e3, "\\u00e9", true, false, null], "b": {}}')).toBeUndefined();
  });
});
