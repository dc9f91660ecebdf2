// The built reader: its thread loads the compiled save-design-thread.js next to it (`npm test` builds first).
import { SaveDesignReader } from '../dist/services/save-design-reader';
import { readSaveBody } from '../dist/services/save-design-request';

/* Save bodies are read on a worker thread with the result and the refusals of the inline reading. */

const design = {
  name: '  Shop  ',
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50 } } },
    { id: 'lb', type: 'LOAD_BALANCER', position: { x: 1, y: 2 } },
    { id: 'api', type: 'SERVICE', properties: { serviceTime: { dist: 'exponential', mean: 10 } } },
  ],
  connections: [
    { id: 'c1', source: 'users', target: 'lb' },
    { id: 'c2', source: 'lb', target: 'api', properties: { latency: { dist: 'constant', value: 1 } } },
  ],
};

const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

/** What a read gives: the save, or the refusal's status and body. */
async function outcome(reader: SaveDesignReader, body: unknown): Promise<unknown> {
  try {
    return { save: await reader.read(body) };
  } catch (error) {
    const e = error as { status: number; body(): unknown };
    return { status: e.status, body: e.body() };
  }
}

describe('SaveDesignReader', () => {
  let reader: SaveDesignReader;
  afterEach(() => reader.onModuleDestroy());

  it('reads raw bytes on its thread: the graph as written with `properties` always present, the fields as parsed', async () => {
    reader = new SaveDesignReader(1);
    const save = await reader.read(bytes(design));
    expect(reader.counts).toEqual({ thread: 1, inline: 0 });
    expect(save.name).toBe('Shop');
    expect(JSON.parse(save.graphJson.components)).toEqual([
      design.components[0],
      { ...design.components[1], properties: {} },
      design.components[2],
    ]);
    // The position stays where the user wrote it; `properties` is added last, as a copy would.
    expect(Object.keys(JSON.parse(save.graphJson.components)[1])).toEqual(['id', 'type', 'position', 'properties']);
    expect(JSON.parse(save.graphJson.connections)).toEqual([{ ...design.connections[0], properties: {} }, design.connections[1]]);
    expect(save.graphIssues).toEqual([]);
    const inline = readSaveBody(JSON.parse(JSON.stringify(design)));
    expect(inline).toEqual({ ok: true, save });
  });

  it('gives the same answers on the thread as inline, bad bodies included', async () => {
    const bodies = [
      bytes(design),
      bytes(''),
      bytes('{"components": ['),
      bytes('"text"'),
      bytes(' 7'),
      bytes('{"name":"a\\u0000","components":[]}'),
      bytes('{"components":[{"id":"x\\ud800","type":"CLIENT"}]}'),
      bytes({ ...design, extra: 1 }),
      bytes({ ...design, connections: [{ id: 'c9', source: 'users', target: 'nowhere' }] }),
      bytes({ ...design, lineageId: '9b2f0c55-7c4e-4a41-8f1e-6d1e3c9a0b11' }),
    ];
    reader = new SaveDesignReader(1);
    const onThread = await Promise.all(bodies.map((body) => outcome(reader, body)));
    expect(reader.counts.thread).toBe(bodies.length);
    const inlineReader = new SaveDesignReader(0);
    const inline = await Promise.all(bodies.map((body) => outcome(inlineReader, body)));
    expect(inlineReader.counts).toEqual({ thread: 0, inline: bodies.length });
    expect(onThread).toEqual(inline);
    expect(onThread.map((o) => (o as { status?: number }).status)).toEqual([undefined, 400, 400, 400, 400, 400, 400, 400, undefined, 400]);
    expect((onThread[2] as { body: { error: { code: string } } }).body.error.code).toBe('invalid_json');
    // A dangling connection is a graph rule: found here, refused by the service once the caller is an editor.
    expect((onThread[8] as { save: { graphIssues: { code: string }[] } }).save.graphIssues[0].code).toBe('dangling_connection');
  });

  it('reads the bodies a dying thread held on the main thread, and replaces the thread', async () => {
    reader = new SaveDesignReader(1);
    const threads = (reader as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
    const first = threads[0];
    const pending = reader.read(bytes(design));
    await first.worker.terminate();
    expect((await pending).name).toBe('Shop');
    expect(threads[0]).not.toBe(first);
    await reader.read(bytes(design));
    expect(reader.counts.thread).toBe(2);
  });
});
