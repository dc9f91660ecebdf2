import { highlightParts } from './highlight';

describe('search highlighting in log lines', () => {
  it('marks every case-insensitive occurrence of each word', () => {
    expect(highlightParts('DB crashed; db down', 'db')).toEqual([
      { text: 'DB', match: true },
      { text: ' crashed; ', match: false },
      { text: 'db', match: true },
      { text: ' down', match: false },
    ]);
  });

  it('marks several words and treats regular-expression characters literally', () => {
    expect(highlightParts('fault latency (api) started', 'api) started').filter((p) => p.match).map((p) => p.text)).toEqual(['api)', 'started']);
  });

  it('leaves the text whole without a query', () => {
    expect(highlightParts('fault started', undefined)).toEqual([{ text: 'fault started', match: false }]);
    expect(highlightParts('fault started', '  ')).toEqual([{ text: 'fault started', match: false }]);
  });
});
