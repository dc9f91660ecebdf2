
/** The three indices of one prefix: span documents, trace summaries and log records. */
export interface TraceIndexNames {
  spans: string;
  traces: string;
  logs: string;
}

/** `<prefix>-spans`, `<prefix>-traces`, `<prefix>-logs`; each index template is named like its index. */
export function traceIndexNames(prefix: string): TraceIndexNames {
  return { spans: `${prefix}-spans`, traces: `${prefix}-traces`, logs: `${prefix}-logs` };
}

/** Which engine's mapping types to use: they differ only in how arbitrary attribute keys are indexed. */
export type SearchEngineFlavor = 'elasticsearch' | 'opensearch';

/** A field's mapping (the subset of the mapping DSL both engines share). */
export type MappingProperty = { type?: string; ignore_above?: number; properties?: Record<string, MappingProperty>; fields?: Record<string, MappingProperty> };

/** A type mapping. */
export interface TypeMapping {
  dynamic: false;
  properties: Record<string, MappingProperty>;
}

/** A composable index template as `PUT _index_template/<name>` takes it (name apart). */
export interface TraceIndexTemplate {
  name: string;
  index_patterns: string[];
  priority: number;
  template: { settings: { number_of_shards: number }; mappings: TypeMapping };
  _meta: Record<string, string>;
}

const keyword: MappingProperty = { type: 'keyword' };
const double: MappingProperty = { type: 'double' };
// Attribute keys differ per component type; one field for all of them keeps arbitrary keys from
// exploding the mapping: `flattened` on Elasticsearch, its OpenSearch counterpart `flat_object`.
const ATTRIBUTES: Record<SearchEngineFlavor, MappingProperty> = { elasticsearch: { type: 'flattened' }, opensearch: { type: 'flat_object' } };

// Simulated times are fractional milliseconds from the run's start, not epoch instants, so they
// are doubles rather than `date`. `dynamic: false` keeps a field added by a newer writer in
// `_source` without letting it grow the mapping until the template says how to index it.
const spanMappings = (attributes: MappingProperty): TypeMapping => ({
  dynamic: false,
  properties: {
    simulation_id: keyword,
    trace_id: keyword,
    span_id: keyword,
    parent_span_id: keyword,
    name: keyword,
    kind: keyword,
    start_time_ms: double,
    end_time_ms: double,
    duration_ms: double,
    status: { properties: { code: keyword, message: { type: 'keyword', ignore_above: 1024 } } },
    attributes,
    resource: {
      properties: {
        attributes: {
          properties: {
            service: { properties: { name: keyword } },
            architech: { properties: { component: { properties: { type: keyword } } } },
          },
        },
      },
    },
  },
});

const traceMappings: TypeMapping = {
  dynamic: false,
  properties: {
    simulation_id: keyword,
    trace_id: keyword,
    root_component_id: keyword,
    start_time_ms: double,
    duration_ms: double,
    status: keyword,
    reason: keyword,
    linked_trace_id: keyword,
    span_count: { type: 'integer' },
    components: keyword,
  },
};

const logMappings = (attributes: MappingProperty): TypeMapping => ({
  dynamic: false,
  properties: {
    simulation_id: keyword,
    id: keyword,
    time_ms: double,
    level: keyword,
    event: keyword,
    component_id: keyword,
    // Text for full-text search; the keyword sub-field for exact matches and aggregations.
    message: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
    attributes,
  },
});

/**
 * The index templates for a prefix and engine, ready for `indices.putIndexTemplate`. A priority above the
 * built-in templates (100) so a broad pattern of the cluster's own never takes precedence.
 */
export function traceIndexTemplates(prefix: string, flavor: SearchEngineFlavor = 'elasticsearch'): TraceIndexTemplate[] {
  const names = traceIndexNames(prefix);
  const attributes = ATTRIBUTES[flavor];
  const template = (index: string, mappings: TypeMapping): TraceIndexTemplate => ({
    name: index,
    index_patterns: [index],
    priority: 200,
    template: { settings: { number_of_shards: 1 }, mappings },
    _meta: { managed_by: 'architech service-kit' },
  });
  return [template(names.spans, spanMappings(attributes)), template(names.traces, traceMappings), template(names.logs, logMappings(attributes))];
}
