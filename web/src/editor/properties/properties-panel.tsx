import { useSyncExternalStore } from 'react';
import { deleteSelection, findComponent, findConnection, type EditorDocument, type EditorStore } from '@architech/editor-core';
import { elementPath, type DesignValidation } from '../validation';
import { counted } from './component-labels';
import { ComponentPanel } from './component-panel';
import { ConnectionSection } from './connection-section';
import { DesignSummary } from './design-summary';
import { ElementForm } from './element-form';
import './properties.css';

/** Props of {@link PropertiesPanel}. */
export interface PropertiesPanelProps {
  readonly store: EditorStore;
  /** Validation of the store's document (`useDesignAnalysis(doc).validation`): its messages show under the fields. */
  readonly validation: DesignValidation;
  /** Shows everything, edits nothing (a viewer, or a comparison). */
  readonly readOnly?: boolean;
}

/**
 * The inspector: with nothing selected, the design's name, description and status; with one
 * component or connection, a form of every property its type has (ranges, defaults and the API's
 * validation messages under each field); with several, how many and how to delete them.
 *
 * Edits are committed per field — on blur or Enter for typed values, at once for choices and
 * toggles — each as one command, so one field edit is one undo step.
 *
 * @example <PropertiesPanel store={store} validation={useDesignAnalysis(state.doc).validation} readOnly={role === 'viewer'} />
 */
export function PropertiesPanel({ store, validation, readOnly = false }: PropertiesPanelProps) {
  const { doc, selection } = useSyncExternalStore(store.subscribe, store.getState);
  const only = selection.size === 1 ? [...selection][0]! : undefined;
  const component = only === undefined ? undefined : findComponent(doc, only);
  const connection = only === undefined || component ? undefined : findConnection(doc, only);
  const prefix = only === undefined ? undefined : elementPath(doc, only);

  let body;
  if (selection.size > 1) {
    body = <MultipleSelection store={store} doc={doc} selection={selection} readOnly={readOnly} />;
  } else if (component && prefix) {
    body = (
      <ComponentPanel
        key={component.id}
        store={store}
        component={component}
        prefix={prefix}
        issues={validation.byElement.get(component.id)}
        readOnly={readOnly}
      />
    );
  } else if (connection && prefix) {
    body = (
      <ElementForm
        key={connection.id}
        store={store}
        id={connection.id}
        prefix={prefix}
        issues={validation.byElement.get(connection.id)}
        readOnly={readOnly}
        shownByFields={[`${prefix}.source`, `${prefix}.target`]}
        header={
          <header className="prop-head">
            <h2>Connection</h2>
            <dl className="prop-facts">
              <dt>Id</dt>
              <dd className="mono">{connection.id}</dd>
            </dl>
          </header>
        }
      >
        <ConnectionSection doc={doc} connection={connection} />
      </ElementForm>
    );
  } else {
    body = <DesignSummary store={store} doc={doc} validation={validation} readOnly={readOnly} />;
  }
  return (
    <section className="properties-panel" aria-label="Properties">
      {body}
    </section>
  );
}

interface MultipleSelectionProps {
  readonly store: EditorStore;
  readonly doc: EditorDocument;
  readonly selection: ReadonlySet<string>;
  readonly readOnly: boolean;
}

function MultipleSelection({ store, doc, selection, readOnly }: MultipleSelectionProps) {
  const components = doc.components.filter((c) => selection.has(c.id)).length;
  const connections = doc.connections.filter((c) => selection.has(c.id)).length;
  const parts = [components > 0 ? counted(components, 'component') : undefined, connections > 0 ? counted(connections, 'connection') : undefined];
  return (
    <>
      <header className="prop-head">
        <h2>{selection.size} selected</h2>
      </header>
      <p>{parts.filter(Boolean).join(' and ')}.</p>
      <p className="field-hint">
        Select a single one to edit its properties.{readOnly ? '' : ' Press Delete to remove them all, with the connections that touch them.'}
      </p>
      {!readOnly && (
        <button type="button" className="danger" onClick={() => store.dispatch(deleteSelection())}>
          Delete {selection.size} selected
        </button>
      )}
    </>
  );
}
