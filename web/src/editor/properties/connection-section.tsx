import type { EditorConnection, EditorDocument } from '@architech/editor-core';
import { findComponent } from '@architech/editor-core';
import { useElementEditor } from './element-editor';
import { FieldMessages } from './field-frame';
import { issuesAt } from './field-issues';
import { DistributionField } from './distribution-field';
import { NumberField } from './number-field';
import { numberAt, type Fields } from './read-properties';

/** Props of {@link ConnectionSection}. */
export interface ConnectionSectionProps {
  readonly doc: EditorDocument;
  readonly connection: EditorConnection;
}

/**
 * A connection: where requests go (source → target, fixed: redraw it to change), its one-way
 * latency, loss and routing weight (docs/engine.md §3).
 */
export function ConnectionSection({ doc, connection }: ConnectionSectionProps) {
  const editor = useElementEditor();
  const properties = connection.properties as Fields;
  const end = (id: string) => {
    const component = findComponent(doc, id);
    return component ? (component.name ?? component.id) : `${id} (missing)`;
  };
  return (
    <>
      <div className="prop-route">
        <span className="prop-route-end">{end(connection.source)}</span>
        <span aria-label="sends requests to">→</span>
        <span className="prop-route-end">{end(connection.target)}</span>
      </div>
      <FieldMessages issues={issuesAt(editor.issues, `${editor.prefix}.source`)} />
      <FieldMessages issues={issuesAt(editor.issues, `${editor.prefix}.target`)} />
      <DistributionField label="Latency (one way)" owner={properties} path={['latency']} noneLabel="None: 0 ms" />
      <NumberField
        label="Packet loss rate (0–1)"
        path={['packetLossRate']}
        value={numberAt(properties, 'packetLossRate')}
        placeholder="0"
        emptyHint="Default 0: share of crossings lost, each way"
      />
      <NumberField
        label="Weight"
        path={['weight']}
        value={numberAt(properties, 'weight')}
        placeholder="1"
        emptyHint="Default 1: share of the source's traffic when it has several downstreams"
      />
    </>
  );
}
