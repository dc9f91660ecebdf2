import type { estypes } from '@elastic/elasticsearch';

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

const keyword: estypes.MappingProperty = { type: 'keyword' };
const double: estypes.MappingProperty = { type: 'double' };

// Simulated times are fractional milliseconds from the run's start, not epoch instants, so they
// are doubles rather than `date`. `dynamic: false` keeps a field added by a newer writer in
// `_source` without letting it grow the mapping until the template says how to index it.
const spanMappings: estypes.MappingTypeMapping = {
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
    // Attribute keys differ per component type; `flattened` indexes them all as one field, so
    // arbitrary keys cannot explode the mapping.
    attributes: { type: 'flattened' },
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
};

const traceMappings: estypes.MappingTypeMapping = {
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

const logMappings: estypes.MappingTypeMapping = {
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
    attributes: { type: 'flattened' },
  },
};

/**
 * The index templates for a prefix, ready for `indices.putIndexTemplate`. A priority above the
 * built-in templates (100) so a broad pattern of the cluster's own never takes precedence.
 */
export function traceIndexTemplates(prefix: string): estypes.IndicesPutIndexTemplateRequest[] {
  const names = traceIndexNames(prefix);
  const template = (index: string, mappings: estypes.MappingTypeMapping): estypes.IndicesPutIndexTemplateRequest => ({
    name: index,
    index_patterns: [index],
    priority: 200,
    template: { settings: { number_of_shards: 1 }, mappings },
    _meta: { managed_by: 'architech service-kit' },
  });
  return [template(names.spans, spanMappings), template(names.traces, traceMappings), template(names.logs, logMappings)];
}
