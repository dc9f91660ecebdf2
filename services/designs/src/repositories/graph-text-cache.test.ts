import { GraphCachePolicy, GraphTextCache } from './graph-text-cache';

describe('GraphTextCache', () => {
  it('returns what was stored and counts its characters', () => {
    const cache = new GraphTextCache(new GraphCachePolicy(100));
    cache.set('a', '"components":[]');
    expect(cache.get('a')).toBe('"components":[]');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 1, chars: 15 });
  });

  it('evicts the least recently used entries once the budget is reached', () => {
    const cache = new GraphTextCache(new GraphCachePolicy(30));
    cache.set('a', 'x'.repeat(10));
    cache.set('b', 'y'.repeat(10));
    cache.get('a');
    cache.set('c', 'z'.repeat(15));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('x'.repeat(10));
    expect(cache.get('c')).toBe('z'.repeat(15));
    expect(cache.size.chars).toBe(25);
  });

  it('keeps nothing when the budget is 0 or the graph is larger than the budget', () => {
    const off = new GraphTextCache(new GraphCachePolicy(0));
    off.set('a', 'x');
    expect(off.get('a')).toBeUndefined();
    const small = new GraphTextCache(new GraphCachePolicy(5));
    small.set('a', 'x'.repeat(6));
    expect(small.size).toEqual({ entries: 0, chars: 0 });
  });

  it('replacing or deleting an entry keeps the count right', () => {
    const cache = new GraphTextCache(new GraphCachePolicy(100));
    cache.set('a', 'x'.repeat(10));
    cache.set('a', 'x'.repeat(20));
    expect(cache.size).toEqual({ entries: 1, chars: 20 });
    cache.delete('a');
    cache.delete('a');
    expect(cache.size).toEqual({ entries: 0, chars: 0 });
  });
});
