/** Injection token of the service's event bus; only the bus repositories and consumers hold it. */
export const EVENT_BUS = Symbol('EVENT_BUS');
