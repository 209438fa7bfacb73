/**
 * Vite plugin (production builds, issue 13): leaves the web app manifest's `<link rel="manifest">`, which
 * vite-plugin-pwa writes into index.html, out of it; the app adds it once the map's first view is drawn and the map
 * is still (src/offline/web-app-manifest.ts says when and why). Fails the build when the link is not where it expects it, so a change in
 * vite-plugin-pwa cannot leave the link in (or the app with two) unnoticed.
 */
import type { Plugin } from 'vite';

/** index.html without the link to `manifestFile`; throws when there is not exactly one. */
export function withoutManifestLink(html: string, manifestFile: string): string {
  const escaped = manifestFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`[ \\t]*<link rel="manifest" href="[^"]*${escaped}"[^>]*>\\n?`, 'g');
  const found = html.match(link)?.length ?? 0;
  if (found !== 1) throw new Error(`atlas-manifest-after-first-view: expected one manifest link to ${manifestFile} in index.html, found ${found}`);
  return html.replace(link, '');
}

export function manifestAfterFirstViewPlugin(manifestFile: string): Plugin {
  return {
    name: 'atlas-manifest-after-first-view',
    apply: 'build',
    // after vite-plugin-pwa's own transform, which writes the link: its plugin is `enforce: 'post'` too and comes first
    // in the config
    enforce: 'post',
    transformIndexHtml: { order: 'post', handler: (html) => withoutManifestLink(html, manifestFile) },
  };
}
