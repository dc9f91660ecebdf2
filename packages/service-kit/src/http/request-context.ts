import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the request being served, for logs and for calls to other services. */
export interface RequestContext {
  requestId: string;
  /** W3C trace context of the incoming request, forwarded on service-to-service calls. */
  traceparent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `context` as the current request context. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's context, if any. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
