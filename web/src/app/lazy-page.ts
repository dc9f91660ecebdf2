import { createElement, lazy, type ComponentType, type JSX } from 'react';

/** A page whose code is a separate chunk, loaded on first use or earlier with {@link LazyPage.preload}. */
export interface LazyPage<P extends object> {
  (props: P): JSX.Element;
  /** Starts loading the chunk (once); resolves when the page can render without suspending. */
  preload(): Promise<void>;
  /** Whether the chunk has loaded. */
  readonly loaded: boolean;
}

/**
 * `React.lazy` that can be loaded before it renders. A lazy component that suspends shows its
 * Suspense fallback, and React then holds the fallback on screen for at least 300 ms
 * (FALLBACK_THROTTLE_MS) even when the chunk arrives a few milliseconds later; a page whose chunk
 * was preloaded renders the loaded component directly and never suspends.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let component: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (loaded) => {
        component = loaded;
      },
      (error: unknown) => {
        // A failed chunk load may succeed later (a deploy, a flaky network): let the next use retry.
        pending = undefined;
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then(() => ({ default: component! })));
  const Page = ((props: P) => {
    const Loaded = component;
    return Loaded ? createElement(Loaded, props) : createElement(Suspending, props);
  }) as LazyPage<P>;
  Page.preload = preload;
  Object.defineProperty(Page, 'loaded', { get: () => component !== undefined });
  return Page;
}
