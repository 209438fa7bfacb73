// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstView, afterPageFirstView, isPageFirstViewDrawn } from '../../src/map/first-view.ts';

describe('what waits for the first view (service worker registration, the side panel\u2019s scrolling)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('resolves only when the map has reported both idle and deck.gl ready for the settle time', async () => {
    document.body.innerHTML = '<div data-testid="map" data-map-idle="false" data-deck-ready="false"></div>';
    const map = document.querySelector('[data-testid="map"]')!;
    let resolved = false;
    void afterFirstView(document, { settleMs: 500, timeoutMs: 60_000 }).then(() => (resolved = true));
    map.setAttribute('data-map-idle', 'true');
    await vi.advanceTimersByTimeAsync(1000);
    expect(resolved).toBe(false);
    // ready for a moment (deck.gl before the data arrives), then busy again: not the first view yet
    map.setAttribute('data-deck-ready', 'true');
    await vi.advanceTimersByTimeAsync(200);
    map.setAttribute('data-deck-ready', 'false');
    await vi.advanceTimersByTimeAsync(1000);
    expect(resolved).toBe(false);
    map.setAttribute('data-deck-ready', 'true');
    await vi.advanceTimersByTimeAsync(499);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(resolved).toBe(true);
  });

  it('waits for a map mounted later, and gives up waiting after the timeout when no map draws', async () => {
    let resolved = false;
    void afterFirstView(document, { settleMs: 100, timeoutMs: 60_000 }).then(() => (resolved = true));
    document.body.innerHTML = '<div data-testid="map" data-map-idle="true" data-deck-ready="true"></div>';
    await vi.advanceTimersByTimeAsync(101);
    expect(resolved).toBe(true);

    document.body.innerHTML = '';
    let timedOut = false;
    void afterFirstView(document, { settleMs: 100, timeoutMs: 1000 }).then(() => (timedOut = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(timedOut).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(timedOut).toBe(true);
  });

  it('does not wait when the map could not be created (no WebGL)', async () => {
    document.body.innerHTML = '<div data-testid="map"></div>';
    let resolved = false;
    void afterFirstView(document, { settleMs: 100, timeoutMs: 60_000 }).then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(resolved).toBe(false);
    document.querySelector('[data-testid="map"]')!.setAttribute('data-map-failed', 'true');
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
  });

  it("the page's first view is waited for once, and known once drawn (a panel mounted later does not wait again)", async () => {
    document.body.innerHTML = '<div data-testid="map" data-map-idle="true" data-deck-ready="true"></div>';
    const first = afterPageFirstView();
    expect(afterPageFirstView()).toBe(first);
    expect(isPageFirstViewDrawn()).toBe(false);
    await vi.advanceTimersByTimeAsync(1001);
    expect(isPageFirstViewDrawn()).toBe(true);
    expect(afterPageFirstView()).toBe(first);
  });
});
