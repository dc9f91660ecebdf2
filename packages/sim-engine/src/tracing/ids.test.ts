import { spanIdOf, traceIdOf } from './ids';

describe('trace ids', () => {
  it('differ in their first hex digits between the traces of one run', () => {
    const ids = Array.from({ length: 500 }, (_, serial) => traceIdOf(0x5eed, serial));
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(500);
    // What a list shows (8 digits) tells the traces apart; even 4 digits mostly do.
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBe(500);
    expect(new Set(ids.map((id) => id.slice(0, 4))).size).toBeGreaterThan(490);
  });

  it('are the same for the same salt and serial, and differ between runs', () => {
    expect(traceIdOf(7, 42)).toBe(traceIdOf(7, 42));
    expect(traceIdOf(7, 42)).not.toBe(traceIdOf(8, 42));
    expect(spanIdOf(7, 42)).toMatch(/^[0-9a-f]{16}$/);
  });
});
