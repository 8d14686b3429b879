/**
 * The root layout's load runs on every page; SvelteKit runs it again on a client navigation when it
 * read something of the URL (or the route, params, parent) that changed. It needs the language alone,
 * which changes only with a full page load, so it reads nothing that is tracked.
 */
import { describe, expect, it } from 'vitest';
import { load } from './+layout.ts';

function trackedEvent(href: string) {
  const tracked: string[] = [];
  let tracking = true;
  const track = (what: string) => {
    if (tracking) tracked.push(what);
  };
  const target = new URL(href);
  const url = new Proxy(target, {
    get(_, prop) {
      track(`url.${String(prop)}`);
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    }
  });
  const event = {
    data: { sourceSets: [] },
    url,
    get params() {
      track('params');
      return {};
    },
    get route() {
      track('route');
      return { id: '/regions' };
    },
    parent: () => (track('parent'), Promise.resolve({})),
    depends: (...deps: string[]) => track(`depends ${deps.join(' ')}`),
    untrack: <T>(fn: () => T): T => {
      tracking = false;
      try {
        return fn();
      } finally {
        tracking = true;
      }
    }
  };
  return { event, tracked };
}

describe('the root layout load', () => {
  it('takes the language from the path without tracking it, so other pages of the language do not run it again', async () => {
    const { event, tracked } = trackedEvent('http://igf.example/fr/regions?source=demo');
    const data = await load(event as never);
    expect(data).toMatchObject({ locale: 'fr', sourceSets: [] });
    expect(tracked).toEqual([]);
  });

  it('reads English from an unprefixed path', async () => {
    const { event, tracked } = trackedEvent('http://igf.example/gender');
    expect(await load(event as never)).toMatchObject({ locale: 'en' });
    expect(tracked).toEqual([]);
  });
});
