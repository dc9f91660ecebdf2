import { Fifo } from './fifo';

describe('a FIFO', () => {
  it('returns items oldest first while growing and wrapping around', () => {
    const q = new Fifo<number>(2);
    const out: number[] = [];
    for (let i = 0; i < 10; i++) {
      q.push(i);
      if (i % 3 === 0) out.push(q.shift() as number);
    }
    q.drain((v) => out.push(v));
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
  });
});
