import { Scheduler } from './scheduler';

describe('the scheduler', () => {
  it('runs events in time order', () => {
    const s = new Scheduler(2);
    const seen: number[] = [];
    const k = s.register((v: number) => seen.push(v));
    for (const t of [5, 1, 9, 3, 7, 2, 8, 0, 6, 4]) s.schedule(t, k, t);
    s.run(Infinity, Infinity);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('runs events at the same time first-in, first-out, even across heap growth', () => {
    const s = new Scheduler(1);
    const seen: number[] = [];
    const k = s.register((v: number) => seen.push(v));
    for (let i = 0; i < 100; i++) s.schedule(i % 2 === 0 ? 10 : 5, k, i);
    s.run(Infinity, Infinity);
    const odd = Array.from({ length: 50 }, (_, i) => 2 * i + 1);
    const even = Array.from({ length: 50 }, (_, i) => 2 * i);
    expect(seen).toEqual([...odd, ...even]);
  });

  it('stops at the horizon and at the event budget, leaving the rest pending', () => {
    const s = new Scheduler();
    const k = s.register(() => undefined);
    for (let t = 1; t <= 10; t++) s.schedule(t, k, null);
    expect(s.run(4, Infinity)).toBe(4);
    expect(s.now).toBe(4);
    expect(s.run(Infinity, 3)).toBe(3);
    expect(s.pending).toBe(3);
    expect(s.peekTime()).toBe(8);
    expect(s.processed).toBe(7);
  });

  it('runs urgent events before normal events of the same time, FIFO among themselves', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    const k = s.register((v: string) => seen.push(v));
    s.schedule(5, k, 'normal-1');
    s.scheduleUrgent(5, k, 'urgent-1');
    s.schedule(4, k, 'earlier');
    s.scheduleUrgent(5, k, 'urgent-2');
    s.run(Infinity, Infinity);
    expect(seen).toEqual(['earlier', 'urgent-1', 'urgent-2', 'normal-1']);
  });

  it('never schedules into the past', () => {
    const s = new Scheduler();
    const times: number[] = [];
    const k = s.register(() => times.push(s.now));
    const late = s.register(() => s.schedule(1, k, null));
    s.schedule(5, late, null);
    s.run(Infinity, Infinity);
    expect(times).toEqual([5]);
  });

  it('merges fixed-delay lanes with the heap in (time, sequence) order, ties first-in, first-out', () => {
    const s = new Scheduler(2);
    const seen: string[] = [];
    const k = s.register((v: string) => seen.push(v));
    const ten = s.lane(10);
    expect(s.lane(10)).toBe(ten);
    const three = s.lane(3);
    const tick = s.register((n: number) => {
      s.scheduleInLane(ten, k, `ten@${s.now + 10}#${n}`);
      s.scheduleInLane(three, k, `three@${s.now + 3}#${n}`);
      s.scheduleIn(10, k, `heap@${s.now + 10}#${n}`);
      // Enough at once to grow a lane's ring (256 entries at first).
      if (n === 0) for (let i = 0; i < 600; i++) s.scheduleInLane(ten, k, `burst#${i}`);
      if (n < 300) s.scheduleIn(n % 3 === 0 ? 7 : 0, tick, n + 1);
    });
    s.schedule(0, tick, 0);
    expect(s.pending).toBe(1);
    s.run(50, Infinity);
    expect(s.pending).toBeGreaterThan(0);
    expect(s.peekTime()).toBeGreaterThan(50);
    s.run(Infinity, Infinity);
    expect(s.pending).toBe(0);
    // The same events through the heap alone: the reference order.
    const r = new Scheduler(2);
    const expected: string[] = [];
    const rk = r.register((v: string) => expected.push(v));
    const rtick = r.register((n: number) => {
      r.scheduleIn(10, rk, `ten@${r.now + 10}#${n}`);
      r.scheduleIn(3, rk, `three@${r.now + 3}#${n}`);
      r.scheduleIn(10, rk, `heap@${r.now + 10}#${n}`);
      if (n === 0) for (let i = 0; i < 600; i++) r.scheduleIn(10, rk, `burst#${i}`);
      if (n < 300) r.scheduleIn(n % 3 === 0 ? 7 : 0, rtick, n + 1);
    });
    r.schedule(0, rtick, 0);
    r.run(Infinity, Infinity);
    expect(seen).toEqual(expected);
    expect(s.processed).toBe(r.processed);
  });

  it('orders a large random workload like a stable sort', () => {
    const s = new Scheduler(4);
    const seen: [number, number][] = [];
    const k = s.register((p: [number, number]) => seen.push(p));
    let x = 12345;
    const input: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const t = x % 100;
      input.push([t, i]);
      s.schedule(t, k, [t, i]);
    }
    s.run(Infinity, Infinity);
    expect(seen).toEqual([...input].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});
