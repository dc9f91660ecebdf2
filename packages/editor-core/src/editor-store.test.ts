import { edit, type Command } from './command';
import { addComponent } from './commands/add-component';
import { moveComponents } from './commands/move-components';
import { selectByClick } from './commands/select';
import { panBy } from './commands/set-viewport';
import { emptyDocument } from './document';
import { EditorStore } from './editor-store';
import { sequentialIds } from './ids';

const newStore = (historyLimit?: number) => new EditorStore({ env: { createId: sequentialIds() }, historyLimit });
const positionOf = (store: EditorStore, id: string) => store.getState().doc.components.find((c) => c.id === id)?.position;

describe('the editor store', () => {
  it('notifies subscribers after each change until they unsubscribe, and keeps the state object stable in between', () => {
    const store = newStore();
    const listener = jest.fn();
    const unsubscribe = store.subscribe(listener);
    const initial = store.getState();
    expect(store.getState()).toBe(initial);
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState()).not.toBe(initial);
    unsubscribe();
    store.dispatch(panBy(10, 0));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not notify, nor record, when a command changes nothing or refuses', () => {
    const store = newStore();
    const listener = jest.fn();
    store.subscribe(listener);
    expect(store.dispatch(moveComponents({ dx: 5, dy: 5 }))).toEqual({ ok: true });
    expect(store.dispatch(selectByClick('nope'))).toMatchObject({ ok: false, code: 'unknown_element' });
    expect(listener).not.toHaveBeenCalled();
    expect(store.canUndo()).toBe(false);
  });

  it('keeps selection and viewport changes out of the history', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.dispatch(selectByClick(null));
    store.dispatch(panBy(40, 0));
    expect(store.undo()).toBe(true);
    expect(store.getState().doc.components).toEqual([]);
    expect(store.canUndo()).toBe(false);
    expect(store.getState().viewport.x).toBe(40);
  });

  it('makes a drag transaction one undo step', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.beginTransaction();
    for (let i = 0; i < 10; i++) store.dispatch(moveComponents({ dx: 3, dy: 1 }));
    expect(store.canUndo()).toBe(true);
    store.commitTransaction();
    expect(positionOf(store, 'service-1')).toEqual({ x: 30, y: 10 });
    store.undo();
    expect(positionOf(store, 'service-1')).toEqual({ x: 0, y: 0 });
    store.redo();
    expect(positionOf(store, 'service-1')).toEqual({ x: 30, y: 10 });
  });

  it('puts everything back when a transaction is cancelled (Escape mid-drag)', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    const before = store.getState();
    store.beginTransaction();
    store.dispatch(moveComponents({ dx: 50, dy: 50 }));
    store.cancelTransaction();
    expect(store.getState().doc).toBe(before.doc);
    expect(store.inTransaction).toBe(false);
    store.undo();
    expect(store.getState().doc.components).toEqual([]);
  });

  it('commits an open transaction before undoing, so undo reverts the drag', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.beginTransaction();
    store.dispatch(moveComponents({ dx: 50, dy: 0 }));
    store.undo();
    expect(store.inTransaction).toBe(false);
    expect(positionOf(store, 'service-1')).toEqual({ x: 0, y: 0 });
  });

  it('clears redo once a new command changes the document', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.dispatch(moveComponents({ dx: 10, dy: 0 }));
    store.undo();
    expect(store.canRedo()).toBe(true);
    store.dispatch(moveComponents({ dx: 0, dy: 10 }));
    expect(store.canRedo()).toBe(false);
    expect(store.redo()).toBe(false);
    expect(positionOf(store, 'service-1')).toEqual({ x: 0, y: 10 });
  });

  it('forgets the oldest steps beyond the history limit', () => {
    const store = newStore(5);
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    for (let i = 0; i < 7; i++) store.dispatch(moveComponents({ dx: 1, dy: 0 }));
    let undone = 0;
    while (store.undo()) undone++;
    expect(undone).toBe(5);
    expect(positionOf(store, 'service-1')).toEqual({ x: 2, y: 0 });
    expect(() => newStore(0)).toThrow(RangeError);
  });

  it('keeps 200 steps by default', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    for (let i = 0; i < 250; i++) store.dispatch(moveComponents({ dx: 1, dy: 0 }));
    let undone = 0;
    while (store.undo()) undone++;
    expect(undone).toBe(200);
  });

  it('folds a document change made without captureUndo into the next undo step', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    const nudge: Command = {
      name: 'nudge',
      perform: (state) => ({ ...edit({ doc: { ...state.doc, name: 'nudged' } }), captureUndo: false }),
    };
    store.dispatch(nudge);
    store.dispatch(moveComponents({ dx: 10, dy: 0 }));
    store.undo();
    expect(store.getState().doc.name).toBe('Untitled design');
    expect(positionOf(store, 'service-1')).toEqual({ x: 0, y: 0 });
  });

  it('restores the selection of the step it undoes', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.dispatch(addComponent({ type: 'DATABASE', position: { x: 200, y: 0 } }));
    expect([...store.getState().selection]).toEqual(['db-1']);
    store.undo();
    expect([...store.getState().selection]).toEqual(['service-1']);
  });

  it('starts a fresh history and selection when a document is loaded', () => {
    const store = newStore();
    store.dispatch(addComponent({ type: 'SERVICE', position: { x: 0, y: 0 } }));
    store.load(emptyDocument('Other'));
    expect(store.getState().doc.name).toBe('Other');
    expect(store.getState().selection.size).toBe(0);
    expect(store.canUndo()).toBe(false);
  });
});
