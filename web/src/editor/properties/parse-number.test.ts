import { describe, expect, it } from '@jest/globals';
import { formatNumberInput, parseNumberInput } from './parse-number';

describe('reading a number typed into a properties field', () => {
  it('reads decimals, exponents, signs and a decimal comma, ignoring surrounding spaces', () => {
    expect(['12', ' 0.5 ', '.25', '1e3', '-4', '2,5'].map((t) => parseNumberInput(t))).toEqual(
      [12, 0.5, 0.25, 1000, -4, 2.5].map((value) => ({ ok: true, value })),
    );
  });

  it('reads an empty field as no value, so the property is removed and its default applies', () => {
    expect(parseNumberInput('   ')).toEqual({ ok: true, value: undefined });
  });

  it('refuses what is not a number, quoting it', () => {
    expect(parseNumberInput('12ms')).toEqual({ ok: false, message: '“12ms” is not a number' });
    expect(parseNumberInput('1.2.3').ok).toBe(false);
    expect(parseNumberInput('Infinity').ok).toBe(false);
    expect(parseNumberInput('1e400')).toEqual({ ok: false, message: '“1e400” is too large' });
  });

  it('leaves ranges to validation: a negative or fractional count still parses', () => {
    expect(parseNumberInput('-1')).toEqual({ ok: true, value: -1 });
    expect(parseNumberInput('2.5')).toEqual({ ok: true, value: 2.5 });
  });

  it('shows numbers back as typed JSON numbers and anything else as empty', () => {
    expect([formatNumberInput(0.1), formatNumberInput(undefined), formatNumberInput('7'), formatNumberInput(NaN)]).toEqual(['0.1', '', '', '']);
  });
});
