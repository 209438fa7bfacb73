/**
 * Offline state (issue 12): the service worker's status, a waiting new version, and the "make available
 * offline" download. Transient: never part of a link.
 */
import { create } from 'zustand';
import { useAtlasStore } from '../state/store.ts';
import type { Language } from '../state/atlas-state.ts';

export interface OfflineState {
  /** 'unsupported': no service worker (insecure context, old browser, inside a frame) */
  worker: 'unsupported' | 'registering' | 'ready' | 'failed';
  /** a new version is installed and waiting for the user */
  updateWaiting: boolean;
  /** the user chose "Later" for this page */
  updateDismissed: boolean;
  /** activates the waiting version and reloads */
  applyUpdate: (() => Promise<void>) | null;
  download: { state: 'idle' | 'running' | 'done' | 'partial'; loaded: number; total: number; failed: number };
  /** result of navigator.storage.persist(), when asked */
  persisted: boolean | null;
  /** the opened link was made on another data build (build ids, src/data/data-version.ts) */
  dataVersionNotice: { linked: string; current: string } | null;
  /** the Spanish strings could not be fetched (offline before the service worker had them): the interface stayed in English */
  languageUnavailable: boolean;
}

export const useOfflineStore = create<OfflineState>()(() => ({
  worker: 'unsupported',
  updateWaiting: false,
  updateDismissed: false,
  applyUpdate: null,
  download: { state: 'idle', loaded: 0, total: 0, failed: 0 },
  persisted: null,
  dataVersionNotice: null,
  languageUnavailable: false,
}));

/** A language's strings could not be fetched: the interface stays in (or falls back to) `shown`, and says so. */
export function languageUnavailable(shown: Language): void {
  useOfflineStore.setState({ languageUnavailable: true });
  useAtlasStore.getState().setLanguage(shown);
}

/**
 * Conditions under which the update prompt must wait (a presentation in progress...). Another module
 * registers one with deferUpdatesWhile(); the store's `presenting` flag, when the store has one, is
 * always one of them.
 */
const deferrals = new Set<() => boolean>();

export function deferUpdatesWhile(condition: () => boolean): () => void {
  deferrals.add(condition);
  return () => deferrals.delete(condition);
}

/** The store's presentation flag: `present` (issue 11, link `present=1`) or `presenting`, whichever the store has. */
function storePresenting(state: object): boolean {
  const flags = state as { present?: unknown; presenting?: unknown };
  return Boolean(flags.present) || Boolean(flags.presenting);
}

export function updatesDeferred(): boolean {
  if (storePresenting(useAtlasStore.getState())) return true;
  for (const condition of deferrals) if (condition()) return true;
  return false;
}

/** True while the update prompt must wait; re-renders when the store's `presenting` flag changes. */
export function useUpdatesDeferred(): boolean {
  const presenting = useAtlasStore((s) => storePresenting(s));
  return presenting || updatesDeferred();
}
