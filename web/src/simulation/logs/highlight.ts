/** A part of a text, marked when it matched a search word. */
export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

/**
 * Splits `text` around the case-insensitive occurrences of the words of `query`, so a log line
 * can show why it matched. The server's full-text search may match more (stems); this marks the
 * literal words only, which is what a reader scans for.
 *
 * @example highlightParts('db crashed', 'DB') → [{ text: 'db', match: true }, { text: ' crashed', match: false }]
 */
export function highlightParts(text: string, query: string | undefined): TextPart[] {
  const words = (query ?? '').split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || text === '') return [{ text, match: false }];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${escaped.join('|')})`, 'gi');
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: words.some((w) => w.toLowerCase() === part.toLowerCase()) }));
}
