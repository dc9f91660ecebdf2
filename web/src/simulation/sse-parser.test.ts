import { SseParser, type SseMessage } from './sse-parser';

function parse(chunks: string[]): { messages: SseMessage[]; comments: string[] } {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const parser = new SseParser((m) => messages.push(m), (c) => comments.push(c));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { messages, comments };
}

describe('the Server-Sent Events parser', () => {
  it('dispatches a named event at the blank line', () => {
    expect(parse(['event: status\ndata: {"a":1}\n\n']).messages).toEqual([{ event: 'status', data: '{"a":1}' }]);
  });

  it('reassembles events cut anywhere across chunks', () => {
    const text = 'event: status\ndata: {"progress":0.5}\n\nevent: status\ndata: {"progress":1}\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)]).messages.map((m) => m.data)).toEqual(['{"progress":0.5}', '{"progress":1}']);
    }
  });

  it('accepts CRLF and lone CR line breaks, also when a CRLF is split between chunks', () => {
    expect(parse(['event: a\r', '\ndata: 1\r\n\r', '\n']).messages).toEqual([{ event: 'a', data: '1' }]);
    expect(parse(['data: x\r\r']).messages).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('joins several data lines with newlines and names an unnamed event "message"', () => {
    expect(parse(['data: one\ndata:two\n\n']).messages).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('reports comments such as keep-alive pings without dispatching anything', () => {
    expect(parse([': ping\n\n'])).toEqual({ messages: [], comments: ['ping'] });
  });

  it('discards an event the stream cut off before its blank line', () => {
    expect(parse(['event: status\ndata: {"a":1}\n']).messages).toEqual([]);
  });

  it('keeps the last event id for the following events', () => {
    expect(parse(['id: 7\ndata: a\n\ndata: b\n\n']).messages).toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
    ]);
  });
});
