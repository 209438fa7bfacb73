/**
 * Registers the service worker from the bundle (no inline script: the Content-Security-Policy allows
 * none). Only in a production build, in a secure context, and never inside a frame (browsers partition
 * a framed site's storage; an embed must not install the atlas for its host).
 */
import { useOfflineStore } from './offline-store.ts';

/**
 * Resolves once the map has drawn its first view: the map container reports `data-map-idle` and `data-deck-ready`
 * (see src/map/map-view.tsx) and still does `settleMs` later (deck.gl reports ready with no layers before the data
 * arrives). Or after `timeoutMs` in any case (no WebGL, no map: the worker is still wanted).
 */
export function afterFirstView(root: ParentNode = document, { settleMs = 1000, timeoutMs = 15_000 } = {}): Promise<void> {
  const drawn = () => {
    const map = root.querySelector('[data-testid="map"]');
    return map?.getAttribute('data-map-idle') === 'true' && map.getAttribute('data-deck-ready') === 'true';
  };
  return new Promise((resolve) => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (!drawn()) {
        clearTimeout(settle);
        settle = undefined;
      } else if (settle === undefined)
        settle = setTimeout(() => {
          settle = undefined;
          if (drawn()) done();
        }, settleMs);
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => done(), timeoutMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(settle);
      resolve();
    }
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-idle', 'data-deck-ready'] });
    check();
  });
}

export async function registerOfflineSupport(): Promise<void> {
  if (!import.meta.env.PROD) return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (window.top !== window.self) return;
  useOfflineStore.setState({ worker: 'registering' });
  // issue 13: the registration code (workbox-window) and the precache downloads wait until the first view is drawn
  await afterFirstView();
  try {
    const { registerSW } = await import('virtual:pwa-register');
    const updateSW = registerSW({
      immediate: true,
      onNeedRefresh: () => useOfflineStore.setState({ updateWaiting: true, updateDismissed: false, applyUpdate: () => updateSW(true) }),
      onOfflineReady: () => useOfflineStore.setState({ worker: 'ready' }),
      onRegisteredSW: (_url, registration) => {
        if (registration?.active) useOfflineStore.setState({ worker: 'ready' });
      },
      onRegisterError: () => useOfflineStore.setState({ worker: 'failed' }),
    });
  } catch {
    useOfflineStore.setState({ worker: 'failed' });
  }
}
