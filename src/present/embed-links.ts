/** Issue 11: links of embed mode: the full atlas, and the iframe snippet. */
import { encodeAtlasState } from '../state/url-codec.ts';
import { pickAtlasState, useAtlasStore } from '../state/store.ts';

/** The same state without embed mode: the full atlas. */
export function fullAtlasHref(): string {
  const state = pickAtlasState(useAtlasStore.getState());
  return `${window.location.pathname}${window.location.search}${encodeAtlasState({ ...state, embed: false })}`;
}

/** An iframe snippet showing the current view in embed mode. */
export function embedSnippet(title: string): string {
  const state = pickAtlasState(useAtlasStore.getState());
  const url = new URL(window.location.href);
  url.hash = encodeAtlasState({ ...state, embed: true, present: false });
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(url.href)}" title="${escape(title)}" width="960" height="600" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer" allow="fullscreen"></iframe>`;
}
