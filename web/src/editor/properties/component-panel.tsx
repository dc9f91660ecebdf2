import { renameComponent, setFanOut, type EditorComponent, type EditorStore } from '@architech/editor-core';
import type { ElementIssues } from '../overlays';
import { ClientSection } from './client-section';
import { COMPONENT_LABELS } from './component-labels';
import { ElementForm } from './element-form';
import { issuesAt } from './field-issues';
import { LoadBalancerSection } from './load-balancer-section';
import { QueueSection } from './queue-section';
import type { Fields } from './read-properties';
import { StationSection } from './station-section';
import { TextField } from './text-field';

/** Props of {@link ComponentPanel}. */
export interface ComponentPanelProps {
  readonly store: EditorStore;
  readonly component: EditorComponent;
  /** The component's path in validation issues, e.g. `components[2]`. */
  readonly prefix: string;
  readonly issues: ElementIssues | undefined;
  readonly readOnly: boolean;
}

/** One selected component: its name (renamable), id and type, then the fields of its type. */
export function ComponentPanel({ store, component, prefix, issues, readOnly }: ComponentPanelProps) {
  const namePath = `${prefix}.name`;
  const header = (
    <header className="prop-head">
      <h2>{COMPONENT_LABELS[component.type].one}</h2>
      <TextField
        label="Name"
        value={component.name ?? ''}
        placeholder={component.id}
        hint={component.name === undefined ? 'Empty: the canvas shows the id' : undefined}
        issues={issuesAt(issues, namePath)}
        readOnly={readOnly}
        onCommit={(name) => store.dispatch(renameComponent(component.id, name))}
      />
      <dl className="prop-facts">
        <dt>Id</dt>
        <dd className="mono">{component.id}</dd>
        <dt>Type</dt>
        <dd className="mono">{component.type}</dd>
      </dl>
    </header>
  );
  return (
    <ElementForm store={store} id={component.id} prefix={prefix} issues={issues} readOnly={readOnly} shownByFields={[namePath]} header={header}>
      <TypeSection component={component} onFanOut={(mode) => store.dispatch(setFanOut({ id: component.id, mode }))} />
    </ElementForm>
  );
}

function TypeSection({ component, onFanOut }: { readonly component: EditorComponent; readonly onFanOut: (mode: 'one' | 'all') => void }) {
  const properties = component.properties as Fields;
  switch (component.type) {
    case 'CLIENT':
      return <ClientSection properties={properties} />;
    case 'SERVICE':
    case 'DATABASE':
      return <StationSection properties={properties} cache={false} onFanOut={onFanOut} />;
    case 'CACHE':
      return <StationSection properties={properties} cache={true} onFanOut={onFanOut} />;
    case 'LOAD_BALANCER':
      return <LoadBalancerSection properties={properties} />;
    case 'QUEUE':
      return <QueueSection properties={properties} />;
  }
}
