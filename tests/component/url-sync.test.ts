import { afterEach, describe, expect, it } from 'vitest';
import { createAtlasStore } from '../../src/state/store.ts';
import { syncStoreWithUrl } from '../../src/state/url-sync.ts';

/** A location and history that record every fragment written (jsdom's own would be shared between tests). */
function fakeBrowser(hash: string) {
  const location = { hash } as Location;
  const written: string[] = [];
  const history = {
    state: null,
    replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
      written.push(String(url));
      location.hash = String(url);
    },
  } as unknown as History;
  return { location, history, written };
}

/** Navigates to a fragment the way a pasted link or the back button does. */
function navigate(location: Location, hash: string) {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const BUILD = '20261202T164349Z';
let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('syncStoreWithUrl', () => {
  it('applies a fragment without data= in one store update, keeping the loaded data build, and writes it once', () => {
    const store = createAtlasStore();
    const browser = fakeBrowser(`#v=1&layers=chargers&data=${BUILD}`);
    stop = syncStoreWithUrl(store, browser.location, browser.history);
    expect(store.getState().dataVersion).toBe(BUILD);
    browser.written.length = 0;
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    navigate(browser.location, '#v=1&layers=chargers&country=MX');
    unsubscribe();
    expect(store.getState().countries).toEqual(['MX']);
    expect(store.getState().dataVersion).toBe(BUILD);
    expect(updates).toBe(1);
    expect(browser.written).toHaveLength(1);
    expect(browser.written[0]).toContain('country=MX');
    expect(browser.written[0]).toContain(`data=${BUILD}`);
  });

  it('takes the data build a fragment names', () => {
    const store = createAtlasStore();
    const browser = fakeBrowser('#v=1&layers=chargers');
    stop = syncStoreWithUrl(store, browser.location, browser.history);
    expect(store.getState().dataVersion).toBeNull();
    navigate(browser.location, '#v=1&layers=chargers&data=20251101T000000Z');
    expect(store.getState().dataVersion).toBe('20251101T000000Z');
  });

  it('ignores the hashchange of its own write', () => {
    const store = createAtlasStore();
    const browser = fakeBrowser('#v=1&layers=chargers');
    stop = syncStoreWithUrl(store, browser.location, browser.history);
    store.getState().setCountries(['US']);
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    unsubscribe();
    expect(updates).toBe(0);
  });
});
