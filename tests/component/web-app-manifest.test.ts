import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  linkWebAppManifest,
  linkWebAppManifestWhenMapQuiet,
  MANIFEST_AT_THE_LATEST_MS,
  MAP_QUIET_BEFORE_MANIFEST_MS,
  WEB_APP_MANIFEST_FILE,
} from '../../src/offline/web-app-manifest.ts';

describe('linkWebAppManifest', () => {
  it('links the manifest beside index.html once', () => {
    const doc = document.implementation.createHTMLDocument('atlas');
    linkWebAppManifest(doc);
    linkWebAppManifest(doc);
    const links = doc.head.querySelectorAll('link[rel="manifest"]');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(`./${WEB_APP_MANIFEST_FILE}`);
    expect(WEB_APP_MANIFEST_FILE).toBe('manifest.webmanifest');
  });

  it('keeps a link the page already has', () => {
    const doc = document.implementation.createHTMLDocument('atlas');
    const existing = doc.createElement('link');
    existing.rel = 'manifest';
    existing.setAttribute('href', './elsewhere.webmanifest');
    doc.head.append(existing);
    linkWebAppManifest(doc);
    expect([...doc.head.querySelectorAll('link[rel="manifest"]')].map((link) => link.getAttribute('href'))).toEqual(['./elsewhere.webmanifest']);
  });
});

describe('linkWebAppManifestWhenMapQuiet', () => {
  afterEach(() => {
    document.head.querySelectorAll('link[rel="manifest"]').forEach((link) => link.remove());
    document.body.innerHTML = '';
    vi.useRealTimers();
  });
  const linked = () => document.head.querySelectorAll('link[rel="manifest"]').length;
  const FIRST_VIEW_SETTLE_MS = 1000;

  it('waits, after the first view, until the map has been still for the quiet time: every change starts it again', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div data-testid="map" data-map-idle="true" data-deck-ready="true"></div>';
    const map = document.querySelector('[data-testid="map"]')!;
    let done = false;
    void linkWebAppManifestWhenMapQuiet(document).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(FIRST_VIEW_SETTLE_MS + 1);
    // filter changes every 200 ms for 6 s (deck.gl busy, then ready): no install check meanwhile
    for (let change = 0; change < 30; change++) {
      map.setAttribute('data-deck-ready', 'false');
      await vi.advanceTimersByTimeAsync(50);
      map.setAttribute('data-deck-ready', 'true');
      await vi.advanceTimersByTimeAsync(150);
      expect(linked()).toBe(0);
    }
    // a move (maplibre busy until idle)
    map.setAttribute('data-map-idle', 'false');
    await vi.advanceTimersByTimeAsync(MAP_QUIET_BEFORE_MANIFEST_MS + 500);
    expect(linked()).toBe(0);
    map.setAttribute('data-map-idle', 'true');
    await vi.advanceTimersByTimeAsync(MAP_QUIET_BEFORE_MANIFEST_MS - 1);
    expect(linked()).toBe(0);
    await vi.advanceTimersByTimeAsync(2);
    expect(done).toBe(true);
    expect(linked()).toBe(1);
  });

  it('links it at the latest after the limit when the map never stays still', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div data-testid="map" data-map-idle="true" data-deck-ready="true"></div>';
    const map = document.querySelector('[data-testid="map"]')!;
    void linkWebAppManifestWhenMapQuiet(document);
    await vi.advanceTimersByTimeAsync(FIRST_VIEW_SETTLE_MS + 1);
    const changeEvery = MAP_QUIET_BEFORE_MANIFEST_MS / 2;
    for (let elapsed = 0; elapsed < MANIFEST_AT_THE_LATEST_MS - changeEvery; elapsed += changeEvery) {
      map.setAttribute('data-deck-ready', 'false');
      await vi.advanceTimersByTimeAsync(10);
      map.setAttribute('data-deck-ready', 'true');
      await vi.advanceTimersByTimeAsync(changeEvery - 10);
    }
    expect(linked()).toBe(0);
    await vi.advanceTimersByTimeAsync(changeEvery + 1);
    expect(linked()).toBe(1);
  });
});
