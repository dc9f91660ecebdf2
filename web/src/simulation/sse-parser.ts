/** One dispatched Server-Sent Event. */
export interface SseMessage {
  /** `message` when the stream named none. */
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML §9.2.6): feed it decoded
 * text as it arrives, in chunks cut anywhere (even between `\r` and `\n`), and it calls `onMessage`
 * at each blank line and `onComment` for lines starting with `:` (keep-alive pings).
 *
 * @example
 * const parser = new SseParser((m) => m.event === 'status' && handle(JSON.parse(m.data)));
 * parser.push('event: status\ndata: {"id":"…"}\n\n');
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  /** A chunk ended on `\r`: a `\n` opening the next one belongs to the same line break. */
  private pendingCr = false;

  constructor(
    private readonly onMessage: (message: SseMessage) => void,
    private readonly onComment?: (text: string) => void,
  ) {}

  push(chunk: string): void {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      this.line(this.buffer.slice(start, i));
      if (ch === 13) {
        if (i + 1 === this.buffer.length) this.pendingCr = true;
        else if (this.buffer.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** The stream ended: an event without its closing blank line is discarded, as the standard says. */
  end(): void {
    this.buffer = '';
    this.reset();
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.onComment?.(line.slice(1).trimStart());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      const message: SseMessage = { event: this.event || 'message', data: this.data.join('\n'), ...(this.id !== undefined ? { id: this.id } : {}) };
      this.reset();
      this.onMessage(message);
      return;
    }
    this.reset();
  }

  private reset(): void {
    this.event = '';
    this.data = [];
  }
}
