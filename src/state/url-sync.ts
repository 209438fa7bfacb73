import { decodeAtlasState, encodeAtlasState } from './url-codec.ts';
import { pickAtlasState, type AtlasStoreHook } from './store.ts';

/**
 * Keeps the URL fragment and the store in step: the store is read from the URL once at start and
 * on back/forward navigation; every later store change replaces the fragment (no history spam).
 * Returns an unsubscribe function.
 */
export function syncStoreWithUrl(store: AtlasStoreHook, location: Location = window.location, history: History = window.history): () => void {
  const applyFromUrl = () => {
    const { state, problems } = decodeAtlasState(location.hash);
    // A fragment without `data=` names no data build: it keeps the loaded build's, which the store already holds
    // (setting it to null would make the app write it back at once: a second store update and URL write).
    const dataVersion = state.dataVersion ?? store.getState().dataVersion;
    store.getState().replaceAtlasState({ ...state, dataVersion }, problems);
  };
  applyFromUrl();
  let lastWritten = location.hash;
  const write = () => {
    const fragment = encodeAtlasState(pickAtlasState(store.getState()));
    if (fragment !== lastWritten) {
      lastWritten = fragment;
      history.replaceState(history.state, '', fragment);
    }
  };
  write();
  const unsubscribe = store.subscribe(write);
  const onHashChange = () => {
    if (location.hash !== lastWritten) applyFromUrl();
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
