import { edit, type Command } from './command';
import { addComponent } from './commands/add-component';
import { moveComponents } from './commands/move-components';
import { renameDocument } from './commands/rename';
import { selectByClick } from './commands/select';
import { panBy } from './commands/set-viewport';
import { emptyDocument } from './document';
import { EditorStore } from './editor-store';
import { sequentialIds } from './ids';

const newStore = () => new EditorStore({ env: { createId: sequentialIds() } });

/** A document change outside the history until the next step (`captureUndo: false`). */
const renameQuietly = (name: string): Command => ({ name: 'rename-quietly', perform: (state) => ({ ...edit({ doc: { ...state.doc, name } }), captureUndo: false }) });

describe("the editor store's revision", () => {
  it('changes with every document change, and only then', () => {
    const store = newStore();
    const seen = [store.revision];
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    seen.push(store.revision);
    store.dispatch(selectByClick(null));
    store.dispatch(panBy(30, 0));
    expect(store.revision).toBe(seen[1]);
    store.dispatch(moveComponents({ ids: new Set(['service-1']), dx: 10, dy: 0 }));
    seen.push(store.revision);
    expect(new Set(seen).size).toBe(3);
  });

  it('comes back when undo and redo return to a state', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    const saved = store.revision;
    store.dispatch(renameDocument('First'));
    const first = store.revision;
    store.dispatch(renameDocument('Second'));
    store.undo();
    expect(store.revision).toBe(first);
    store.undo();
    expect(store.revision).toBe(saved);
    store.redo();
    expect(store.revision).toBe(first);
  });

  it('stays the same after a transaction that ends with the document it began with, and returns after a cancelled one', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    const saved = store.revision;
    const name = store.getState().doc.name;
    store.beginTransaction();
    store.dispatch(renameDocument('Draft'));
    expect(store.revision).not.toBe(saved);
    store.dispatch(renameDocument(name));
    store.commitTransaction();
    expect(store.revision).toBe(saved);
    expect(store.canUndo()).toBe(true);
    store.beginTransaction();
    store.dispatch(moveComponents({ dx: 50, dy: 50 }));
    store.cancelTransaction();
    expect(store.revision).toBe(saved);
  });

  it('counts a change outside the history, and undoing it returns to the revision before', () => {
    const store = newStore();
    const saved = store.revision;
    store.dispatch(renameQuietly('nudged'));
    expect(store.revision).not.toBe(saved);
    store.undo();
    expect(store.revision).toBe(saved);
  });

  it('is new after a load, never one of a document loaded before', () => {
    const store = newStore();
    const before = store.revision;
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    const edited = store.revision;
    store.load(emptyDocument('Other'));
    expect([before, edited]).not.toContain(store.revision);
  });

  it('differs after a new step on top of an undone one', () => {
    const store = newStore();
    store.dispatch(renameDocument('A'));
    const a = store.revision;
    store.undo();
    store.dispatch(renameDocument('B'));
    expect(store.revision).not.toBe(a);
  });
});
