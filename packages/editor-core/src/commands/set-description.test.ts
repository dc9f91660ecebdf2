import { EditorStore } from '../editor-store';
import { sequentialIds } from '../ids';
import { setDescription } from './set-description';

describe('setting the design’s description', () => {
  const store = () => new EditorStore({ env: { createId: sequentialIds() }, doc: { name: 'Shop', components: [], connections: [] } });

  it('sets it trimmed, as one undo step', () => {
    const s = store();
    s.dispatch(setDescription('  Black Friday sizing \n'));
    expect(s.getState().doc.description).toBe('Black Friday sizing');
    s.undo();
    expect(s.getState().doc.description).toBeUndefined();
  });

  it('removes it when emptied, so the design document has no empty description', () => {
    const s = store();
    s.dispatch(setDescription('x'));
    s.dispatch(setDescription('   '));
    expect('description' in s.getState().doc).toBe(false);
  });

  it('changes nothing, and adds no undo step, when the text is the same', () => {
    const s = store();
    s.dispatch(setDescription('x'));
    const doc = s.getState().doc;
    s.dispatch(setDescription(' x '));
    expect(s.getState().doc).toBe(doc);
    s.undo();
    expect(s.getState().doc.description).toBeUndefined();
  });
});
