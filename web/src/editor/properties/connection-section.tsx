import { DEFAULTS } from '@architech/contracts';
import type { EditorConnection, EditorDocument } from '@architech/editor-core';
import { findComponent } from '@architech/editor-core';
import { CheckboxField } from './choice-fields';
import { useElementEditor } from './element-editor';
import { FieldMessages } from './field-frame';
import { issuesAt } from './field-issues';
import { DistributionField } from './distribution-field';
import { NumberField } from './number-field';
import { booleanAt, numberAt, type Fields } from './read-properties';

/** Props of {@link ConnectionSection}. */
export interface ConnectionSectionProps {
  readonly doc: EditorDocument;
  readonly connection: EditorConnection;
}

/**
 * A connection: where requests go (source → target, fixed: redraw it to change), its one-way
 * latency and loss, and its role in the source's call graph (docs/engine.md §1, §3): a routing
 * weight when the source picks one downstream; stage and probability when it calls them all;
 * optional under both. A field the source's mode does not read is shown only while it is set (so
 * an imported mistake can be cleared).
 */
export function ConnectionSection({ doc, connection }: ConnectionSectionProps) {
  const editor = useElementEditor();
  const properties = connection.properties as Fields;
  const source = findComponent(doc, connection.source);
  const fansOut = source !== undefined && (source.properties as Fields).fanOut === 'all';
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
        placeholder={String(DEFAULTS.connection.packetLossRate)}
        emptyHint={`Default ${DEFAULTS.connection.packetLossRate}: share of crossings lost, each way`}
      />
      {(!fansOut || numberAt(properties, 'weight') !== undefined) && (
        <NumberField
          label="Weight"
          path={['weight']}
          value={numberAt(properties, 'weight')}
          placeholder={String(DEFAULTS.connection.weight)}
          emptyHint={`Default ${DEFAULTS.connection.weight}: share of the source's traffic when it has several downstreams`}
        />
      )}
      {(fansOut || numberAt(properties, 'stage') !== undefined) && (
        <NumberField
          label="Stage"
          path={['stage']}
          value={numberAt(properties, 'stage')}
          placeholder={String(DEFAULTS.connection.stage)}
          emptyHint={`Default ${DEFAULTS.connection.stage}: calls of one stage run in parallel; stage 2 starts when every call of stage 1 has settled`}
        />
      )}
      {(fansOut || numberAt(properties, 'probability') !== undefined) && (
        <NumberField
          label="Probability (0–1)"
          path={['probability']}
          value={numberAt(properties, 'probability')}
          placeholder={String(DEFAULTS.connection.probability)}
          emptyHint={`Default ${DEFAULTS.connection.probability}: share of requests that make this call, drawn per request`}
        />
      )}
      <CheckboxField
        label="Optional (the caller tolerates this call's failure)"
        path={['optional']}
        value={booleanAt(properties, 'optional')}
        defaultValue={DEFAULTS.connection.optional}
        hint="A fallback: a failed optional call does not fail the request; its errors still count where they happen."
      />
    </>
  );
}
