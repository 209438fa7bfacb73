/**
 * Registers the service worker from the bundle (no inline script: the Content-Security-Policy allows
 * none). Only in a production build, in a secure context, and never inside a frame (browsers partition
 * a framed site's storage; an embed must not install the atlas for its host).
 */
import { useOfflineStore } from './offline-store.ts';
import { afterPageFirstView } from '../map/first-view.ts';

export async function registerOfflineSupport(): Promise<void> {
  if (!import.meta.env.PROD) return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (window.top !== window.self) return;
  useOfflineStore.setState({ worker: 'registering' });
  // issue 13: the registration code (workbox-window) and the precache downloads wait until the first view is drawn
  await afterPageFirstView();
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
