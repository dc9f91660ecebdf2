import { remembered, rememberedShared } from './replay-cache';

describe('the replay’s remembered loads', () => {
  it('loads once for callers that ask while the load is on its way, and not again once it is done', async () => {
    let loads = 0;
    let resolve!: (value: string) => void;
    const load = () => {
      loads++;
      return new Promise<string>((r) => (resolve = r));
    };
    const first = rememberedShared('shared-a', load);
    const second = rememberedShared('shared-a', load);
    resolve('design');
    expect(await Promise.all([first, second])).toEqual(['design', 'design']);
    expect(await rememberedShared('shared-a', load)).toBe('design');
    expect(loads).toBe(1);
  });

  it('loads again after a failed load', async () => {
    let loads = 0;
    const failing = () => (loads++, Promise.reject(new Error('offline')));
    await expect(rememberedShared('shared-b', failing)).rejects.toThrow('offline');
    expect(await rememberedShared('shared-b', () => (loads++, Promise.resolve('ok')))).toBe('ok');
    expect(loads).toBe(2);
  });

  it('keeps only what `keep` accepts', async () => {
    expect(await remembered('partial', () => Promise.resolve(1), () => false)).toBe(1);
    expect(await remembered('partial', () => Promise.resolve(2))).toBe(2);
    expect(await remembered('partial', () => Promise.resolve(3))).toBe(2);
  });
});
