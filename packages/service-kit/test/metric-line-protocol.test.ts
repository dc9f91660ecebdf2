import { quoteIdentifier, quoteString, timeLiteral } from '../src/adapters/metrics/influxql';
import { escapeMeasurement, escapeTag, toLine } from '../src/adapters/metrics/line-protocol';

describe('line protocol escaping', () => {
  it('escapes commas, equals signs and spaces in tag keys and values, and leaves quotes alone', () => {
    expect(escapeTag('api gateway')).toBe('api\\ gateway');
    expect(escapeTag('a,b=c')).toBe('a\\,b\\=c');
    expect(escapeTag(`"it's"`)).toBe(`"it's"`);
  });

  it('escapes commas and spaces in measurement names, where an equals sign is ordinary', () => {
    expect(escapeMeasurement('queue length,p99')).toBe('queue\\ length\\,p99');
    expect(escapeMeasurement('a=b')).toBe('a=b');
  });

  it('writes a backslash before an ordinary character as it is, which every version reads back literally', () => {
    expect(escapeTag('C:\\data')).toBe('C:\\data');
  });

  it.each([
    ['a newline', 'web\nlb'],
    ['a carriage return', 'web\r'],
    ['a trailing backslash', 'web\\'],
    ['a backslash before a comma', 'a\\,b'],
    ['a backslash before a space', 'a\\ b'],
    ['a backslash before an equals sign', 'a\\=b'],
    ['two backslashes', 'a\\\\b'],
  ])('refuses a name with %s, which some InfluxDB cannot read back as written', (_, name) => {
    expect(() => escapeTag(name)).toThrow(expect.objectContaining({ code: 'invalid_point' }));
    expect(() => escapeMeasurement(name)).toThrow(expect.objectContaining({ code: 'invalid_point' }));
  });

  it('writes a point as one line: sorted tags, a float field and the simulated time in milliseconds from epoch 0', () => {
    expect(toLine({ simulationId: 's 1', componentId: 'web,eu', componentType: 'SERVICE', metric: 'latency p99', timeSec: 2.5, value: 80 })).toBe(
      'latency\\ p99,component_id=web\\,eu,component_type=SERVICE,simulation_id=s\\ 1 value=80 2500',
    );
  });
});

describe('InfluxQL quoting', () => {
  it('escapes backslashes, newlines and the quote character in string literals and identifiers', () => {
    expect(quoteString(`it's C:\\x`)).toBe(`'it\\'s C:\\\\x'`);
    expect(quoteString('a\nb')).toBe(`'a\\nb'`);
    expect(quoteIdentifier('my "db"')).toBe(`"my \\"db\\""`);
    expect(quoteIdentifier(`it's`)).toBe(`"it's"`);
  });

  it('spells a time bound as integer nanoseconds without float rounding', () => {
    expect(timeLiteral(0)).toBe('0');
    expect(timeLiteral(9_007_199_254_740)).toBe('9007199254740000000');
  });
});
