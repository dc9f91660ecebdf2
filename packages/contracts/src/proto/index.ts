// The bus wire format: generated protobuf messages (from /proto, see proto/README.md), their
// topics, and binary codecs.
export * from './architech/v1/common_pb';
export * from './architech/v1/simulation_job_pb';
export * from './architech/v1/simulation_status_pb';
export * from './architech/v1/metric_batch_pb';
export * from './architech/v1/span_batch_pb';
export * from './architech/v1/log_batch_pb';
export * from './topics';
export * from './bus-message-error';
export * from './codec';
export * from './attributes';
