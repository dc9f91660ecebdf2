/** Injection tokens of the ports this service uses. */
export const EVENT_BUS = Symbol('EVENT_BUS');
export const METRIC_STORE = Symbol('METRIC_STORE');
export const TRACE_STORE = Symbol('TRACE_STORE');
export const TELEMETRY_WRITER = Symbol('TELEMETRY_WRITER');
/** The retention settings ({@link RetentionSettings}). */
export const RETENTION_SETTINGS = Symbol('RETENTION_SETTINGS');
