import { withParams } from './query-patch';

describe('query parameter patches', () => {
  it('sets, replaces and removes parameters and keeps the others in place', () => {
    expect(withParams('?tab=logs&q=db&level=warn', { q: undefined, level: 'error', t: '30' })).toBe('?tab=logs&level=error&t=30');
  });

  it('treats an empty string as removal and leaves no lone "?"', () => {
    expect(withParams('?q=x', { q: '' })).toBe('');
  });

  it('encodes values', () => {
    expect(withParams('', { q: 'a b&c' })).toBe('?q=a+b%26c');
  });
});
