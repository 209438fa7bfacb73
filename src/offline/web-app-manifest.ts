/**
 * The web app manifest's link (issue 12: the atlas can be installed), added once the map's first view is drawn and
 * the map has then drawn nothing new for a while (issue 13). With the link in index.html, Chromium checks
 * installability during the load: it fetches the manifest's icon and draws its own interface again (the install
 * button), which on a machine without a GPU costs the GPU process as much as a frame of the map, in the middle of the
 * first view; linked right after the first view, the same work lands on the first filter changes or moves. The build
 * leaves the link out of index.html (data/vite/manifest-after-first-view.ts); nothing else changes: the manifest is
 * the same file.
 */
import { afterFirstView, afterPageFirstView } from '../map/first-view.ts';

/** The manifest's file name beside index.html (vite-plugin-pwa writes it: data/pwa/pwa-options.ts). */
export const WEB_APP_MANIFEST_FILE = 'manifest.webmanifest';

/** Adds the manifest's link to the document's head, unless it has one. */
export function linkWebAppManifest(doc: Document = document): void {
  if (doc.head.querySelector('link[rel="manifest"]')) return;
  const link = doc.createElement('link');
  link.rel = 'manifest';
  link.setAttribute('href', `./${WEB_APP_MANIFEST_FILE}`);
  doc.head.append(link);
}

/** How long the map must have been still (no move, no layer change) before the browser's install check. */
export const MAP_QUIET_BEFORE_MANIFEST_MS = 3000;
/** The install check runs by then even if the map never stays still that long. */
export const MANIFEST_AT_THE_LATEST_MS = 60_000;

/** The link once the first view is drawn and the map has then been still for `quietMs`. */
export async function linkWebAppManifestWhenMapQuiet(doc: Document = document, quietMs = MAP_QUIET_BEFORE_MANIFEST_MS): Promise<void> {
  await afterPageFirstView();
  await afterFirstView(doc, { settleMs: quietMs, timeoutMs: MANIFEST_AT_THE_LATEST_MS });
  linkWebAppManifest(doc);
}

/** In a production build (the only one with a manifest). */
export async function linkWebAppManifestInProduction(): Promise<void> {
  if (!import.meta.env.PROD || typeof document === 'undefined') return;
  await linkWebAppManifestWhenMapQuiet();
}
