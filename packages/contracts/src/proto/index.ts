// The bus wire format (proto/README.md): one codec per message kind, which encodes the domain
// shape as protobuf binary and decodes *and validates* what comes off the bus; the topics. The
// generated protobuf code stays inside this package: nothing else needs `@bufbuild/protobuf`.
export * from './topics';
export * from './bus-message-error';
export * from './job.codec';
export * from './status.codec';
export * from './telemetry.codec';
export * from './purge.codec';
