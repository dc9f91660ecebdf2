/** A window with an address bar and a history, enough for the router (the tests run in Node). */
function fakeWindow(): { location: { pathname: string; search: string }; pop: (url: string) => void } {
  const listeners: (() => void)[] = [];
  const location = { pathname: '/projects', search: '' };
  const setUrl = (url: string) => {
    const [path, query = ''] = url.split('?');
    location.pathname = path!;
    location.search = query ? `?${query}` : '';
  };
  const win = {
    location,
    history: { pushState: (_s: unknown, _t: string, url: string) => setUrl(url), replaceState: (_s: unknown, _t: string, url: string) => setUrl(url) },
    addEventListener: (type: string, listener: () => void) => type === 'popstate' && listeners.push(listener),
    /** The browser's Back/Forward: the address moves, then `popstate`. */
    pop: (url: string) => {
      setUrl(url);
      for (const listener of listeners) listener();
    },
  };
  (globalThis as { window?: unknown }).window = win;
  return win;
}

describe('navigate with a route preloader', () => {
  let router: typeof import('./router');
  let win: ReturnType<typeof fakeWindow>;

  beforeEach(async () => {
    win = fakeWindow();
    // A fresh router per test: it reads the address when it loads.
    await jest.isolateModulesAsync(async () => {
      router = await import('./router');
    });
  });
  afterAll(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('changes the address at once when the page needs nothing loaded', () => {
    router.setRoutePreloader(() => undefined);
    router.navigate('/projects/1?tab=x');
    expect(win.location).toEqual({ pathname: '/projects/1', search: '?tab=x' });
  });

  it('changes the address once the page has loaded, and lets a later navigation win', async () => {
    const loads = new Map<string, () => void>();
    const asked: string[] = [];
    router.setRoutePreloader((pathname, search) => {
      asked.push(pathname + search);
      return new Promise<void>((resolve) => loads.set(pathname, resolve));
    });
    router.navigate('/projects/1/simulations/2?tab=replay');
    expect(asked).toEqual(['/projects/1/simulations/2?tab=replay']);
    expect(win.location.pathname).toBe('/projects');
    router.navigate('/projects/1/designs/3');
    loads.get('/projects/1/designs/3')!();
    await Promise.resolve();
    await Promise.resolve();
    expect(win.location.pathname).toBe('/projects/1/designs/3');
    // The earlier, slower one lands after and changes nothing.
    loads.get('/projects/1/simulations/2')!();
    await Promise.resolve();
    await Promise.resolve();
    expect(win.location.pathname).toBe('/projects/1/designs/3');
  });

  it('navigates when the page failed to load (its own Suspense shows the error)', async () => {
    router.setRoutePreloader(() => Promise.reject(new Error('chunk failed')));
    router.navigate('/projects/9');
    await new Promise((resolve) => setImmediate(resolve));
    expect(win.location.pathname).toBe('/projects/9');
  });

  it('follows Back/Forward once the page has loaded, the previous page showing meanwhile', async () => {
    let loaded: () => void = () => undefined;
    router.setRoutePreloader((pathname) => (pathname === '/projects/1/designs/2' ? new Promise<void>((resolve) => (loaded = resolve)) : undefined));
    win.pop('/projects/1/designs/2');
    expect(win.location.pathname).toBe('/projects/1/designs/2');
    expect(router.currentLocation().pathname).toBe('/projects');
    loaded();
    await Promise.resolve();
    await Promise.resolve();
    expect(router.currentLocation().pathname).toBe('/projects/1/designs/2');
    win.pop('/projects');
    expect(router.currentLocation().pathname).toBe('/projects');
  });
});
