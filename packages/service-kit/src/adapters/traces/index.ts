export * from './postgres-trace-store';
export * from './trace-store-error';
export * from './trace-tables.migration';
