import { prefetched, takePrefetched } from './prefetched';

describe('prefetched answers', () => {
  afterEach(() => jest.useRealTimers());

  it('go to the first taker only', async () => {
    const answer = Promise.resolve({ id: 'run-1' });
    expect(prefetched('simulation:run-1', answer)).toBe(answer);
    expect(takePrefetched('simulation:run-2')).toBeUndefined();
    const taken = takePrefetched<{ id: string }>('simulation:run-1');
    expect(await taken).toEqual({ id: 'run-1' });
    expect(takePrefetched('simulation:run-1')).toBeUndefined();
  });

  it('are dropped when they fail, so the view asks again', async () => {
    const failed = Promise.reject(new Error('offline'));
    prefetched('simulation:run-3', failed).catch(() => undefined);
    await failed.catch(() => undefined);
    await Promise.resolve();
    expect(takePrefetched('simulation:run-3')).toBeUndefined();
  });

  it('are not taken once older than 10 s', () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick'] });
    prefetched('simulation:run-4', Promise.resolve(1));
    jest.setSystemTime(10_001);
    jest.advanceTimersByTime(10_001);
    expect(takePrefetched('simulation:run-4')).toBeUndefined();
  });
});
