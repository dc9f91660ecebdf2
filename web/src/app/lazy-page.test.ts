import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { lazyPage } from './lazy-page';

const Hello: ComponentType<{ name: string }> = ({ name }) => createElement('p', null, `Hello ${name}`);
const render = (page: ComponentType<{ name: string }>) => renderToString(createElement(Suspense, { fallback: createElement('p', null, 'Loading…') }, createElement(page, { name: 'Ada' })));

describe('lazyPage', () => {
  it('suspends behind the fallback until its chunk has loaded, then renders without suspending', async () => {
    let loads = 0;
    const Page = lazyPage(async () => {
      loads++;
      return Hello;
    });
    expect(Page.loaded).toBe(false);
    expect(render(Page)).toContain('Loading…');
    await Page.preload();
    expect(Page.loaded).toBe(true);
    // Rendered at once: a page that suspends shows React's fallback for at least 300 ms.
    expect(render(Page)).toContain('Hello Ada');
    expect(render(Page)).not.toContain('Loading…');
    await Page.preload();
    expect(loads).toBe(1);
  });

  it('loads again after a failed load (a flaky network, a new deploy)', async () => {
    let attempt = 0;
    const Page = lazyPage(async () => {
      if (++attempt === 1) throw new Error('chunk failed');
      return Hello;
    });
    await expect(Page.preload()).rejects.toThrow('chunk failed');
    expect(Page.loaded).toBe(false);
    await Page.preload();
    expect(render(Page)).toContain('Hello Ada');
  });
});
