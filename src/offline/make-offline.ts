/**
 * "Make available offline" (issue 12): fetches every data file the service worker has not precached
 * (details chunks, population details), checked against the manifest, so that search, tables and
 * exports work without a connection; reports progress in bytes; asks for persistent storage.
 */
import type { AtlasManifest } from '../data/atlas-format.ts';
import { dataUrl } from '../data/atlas-data.ts';
import { bytesOf, checksumOf, dataFilesOf, isRenderCritical, versionedDataFile } from '../data/data-version.ts';
import { fetchVerifiedBytes } from '../data/integrity.ts';
import { useOfflineStore } from './offline-store.ts';

/** The service worker's runtime cache of data files (data/pwa/pwa-options.ts: DATA_RUNTIME_CACHE). */
const DATA_RUNTIME_CACHE = 'atlas-data';

/** Files "make available offline" fetches: every data file but the precached, render-critical ones and the quarantine list. */
export function filesToStore(manifest: AtlasManifest): { file: string; bytes: number }[] {
  return dataFilesOf(manifest).filter(({ file }) => !isRenderCritical(file) && file !== 'quarantine.json');
}

async function isCached(url: string): Promise<boolean> {
  try {
    return typeof caches !== 'undefined' && (await caches.match(url)) !== undefined;
  } catch {
    return false;
  }
}

export async function makeAvailableOffline(manifest: AtlasManifest): Promise<void> {
  const store = useOfflineStore;
  if (store.getState().download.state === 'running') return;
  const files = filesToStore(manifest);
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  let done = 0;
  let failed = 0;
  const inProgress = new Map<string, number>();
  const publish = () => {
    let loaded = done;
    for (const bytes of inProgress.values()) loaded += bytes;
    store.setState({ download: { state: 'running', loaded, total, failed } });
  };
  publish();
  // ask while the user is acting: browsers grant it more readily then
  void navigator.storage
    ?.persist?.()
    .then((persisted) => store.setState({ persisted }))
    .catch(() => undefined);
  const queue = [...files];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { file, bytes } = next;
      const url = dataUrl(versionedDataFile(manifest, file));
      try {
        if (!(await isCached(url))) {
          const body = await fetchVerifiedBytes(url, file, {
            expected: { bytes: bytesOf(manifest, file), sha256: checksumOf(manifest, file) },
            onProgress: (p) => {
              inProgress.set(file, p.loaded);
              publish();
            },
          });
          // a page the service worker does not control yet (the first visit): store the checked bytes itself
          if (typeof caches !== 'undefined' && !navigator.serviceWorker?.controller) {
            const cache = await caches.open(DATA_RUNTIME_CACHE);
            await cache.put(
              url,
              new Response(body.slice().buffer, { headers: { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' } }),
            );
          }
        }
        done += bytes;
      } catch {
        failed++;
      } finally {
        inProgress.delete(file);
        publish();
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  store.setState({ download: { state: failed > 0 ? 'partial' : 'done', loaded: done, total, failed } });
}
