/**
 * The web app manifest's link (issue 12: the atlas can be installed), added once the map's first view is drawn
 * (issue 13). With the link in index.html, Chromium checks installability during the load: it fetches the
 * manifest's icon and draws its own interface again (the install button), which on a machine without a GPU costs the
 * GPU process as much as a frame of the map, in the middle of the first view. The build leaves the link out of
 * index.html (data/vite/manifest-after-first-view.ts); nothing else changes: the manifest is the same file.
 */
import { afterPageFirstView } from '../map/first-view.ts';

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

/** In a production build (the only one with a manifest), the link once the first view is drawn. */
export async function linkWebAppManifestAfterFirstView(): Promise<void> {
  if (!import.meta.env.PROD || typeof document === 'undefined') return;
  await afterPageFirstView();
  linkWebAppManifest();
}
