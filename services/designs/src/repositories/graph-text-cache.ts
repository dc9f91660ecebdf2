/** How many characters of graph JSON the cache may hold (0 turns it off). */
export class GraphCachePolicy {
  constructor(readonly maxChars: number) {}
}

/**
 * The JSON text of design versions' graphs (`"components":[…],"connections":[…]`), by version id.
 * A saved version is immutable, so an entry never goes stale: a read of a version seen before
 * skips the graph query, parsing the database's JSON and serialising the answer. Entries are
 * evicted least recently used first once `maxChars` is reached; a graph larger than the whole
 * budget is not kept.
 */
export class GraphTextCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly policy: GraphCachePolicy) {}

  get(id: string): string | undefined {
    const text = this.entries.get(id);
    if (text !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(id);
      this.entries.set(id, text);
    }
    return text;
  }

  set(id: string, text: string): void {
    if (text.length > this.policy.maxChars) return;
    this.delete(id);
    while (this.chars + text.length > this.policy.maxChars) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
    this.entries.set(id, text);
    this.chars += text.length;
  }

  /** Forgets a version (its design was purged). */
  delete(id: string): void {
    const text = this.entries.get(id);
    if (text === undefined) return;
    this.entries.delete(id);
    this.chars -= text.length;
  }

  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }
}
