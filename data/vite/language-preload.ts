/**
 * Vite plugin (production builds, issue 13): a link that opens the atlas in Spanish fetches the Spanish strings
 * alongside the rest of the first view's JavaScript.
 *
 * The first view's bundle holds the English strings; the Spanish ones are a chunk of their own that src/main.tsx
 * loads before its first render in Spanish (src/i18n/i18n.ts). Found only when the app's modules run, that chunk
 * would start downloading after all the others. This plugin emits a small module script, placed before the app's
 * in index.html, that reads the link's `lang` parameter and, for Spanish, adds a `modulepreload` of the chunk.
 * (The page's Content-Security-Policy allows scripts from the site itself only, so not an inline script.)
 */
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

const SPANISH_STRINGS = /[\\/]src[\\/]i18n[\\/]strings-es\.ts$/;

/** The preloading script for the Spanish chunk at `chunkFile` (a path beside the script, in assets/). */
export function languagePreloadScript(chunkFile: string): string {
  return [
    "const link = new URLSearchParams(location.hash.slice(1).replace(/^\\?/, ''));",
    "if (link.get('lang') === 'es') {",
    "  const preload = document.createElement('link');",
    "  preload.rel = 'modulepreload';",
    "  preload.crossOrigin = '';",
    `  preload.href = new URL(${JSON.stringify(`./${chunkFile}`)}, import.meta.url).href;`,
    '  document.head.append(preload);',
    '}',
    '',
  ].join('\n');
}

export function languagePreloadPlugin(): Plugin {
  let scriptFile: string | null = null;
  return {
    name: 'atlas-language-preload',
    apply: 'build',
    // before Vite writes index.html (its own generateBundle): the script's hashed name is known by then
    enforce: 'pre',
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((file): file is OutputChunk => file.type === 'chunk' && SPANISH_STRINGS.test(file.facadeModuleId ?? ''));
      if (!chunk) {
        scriptFile = null;
        return;
      }
      const source = languagePreloadScript(chunk.fileName.slice(chunk.fileName.lastIndexOf('/') + 1));
      const reference = this.emitFile({ type: 'asset', name: 'language-preload.js', source });
      scriptFile = this.getFileName(reference);
    },
    transformIndexHtml: {
      order: 'post',
      // module scripts run in document order: this one goes just before the app's entry
      handler(html) {
        if (scriptFile === null) return html;
        const entry = html.search(/<script type="module"[^>]* src="[^"]*\/index-[^"]*\.js"/);
        if (entry < 0) throw new Error('atlas-language-preload: the entry script was not found in index.html');
        return `${html.slice(0, entry)}<script type="module" crossorigin src="./${scriptFile}"></script>\n    ${html.slice(entry)}`;
      },
    },
  };
}
