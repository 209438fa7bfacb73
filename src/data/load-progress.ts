/** Bytes received so far for each data file being downloaded (issue 12): the legend shows them instead of a bare "loading". */
import { create } from 'zustand';
import type { ByteProgress } from './integrity.ts';

export const useLoadProgress = create<Record<string, ByteProgress>>()(() => ({}));

/** At most one update per file every 100 ms (the body arrives in many small chunks), plus the last. */
const lastReport = new Map<string, number>();
/**
 * A download that ends sooner never shows its bytes: on a fast link the text would flash for a moment and
 * repaint the legend three times per file during the first view (issue 13); on a slow one it shows after this.
 */
export const PROGRESS_SHOWN_AFTER_MS = 250;
const firstReport = new Map<string, number>();

export function reportProgress(file: string, progress: ByteProgress): void {
  const now = Date.now();
  if (!firstReport.has(file)) firstReport.set(file, now);
  if (now - firstReport.get(file)! < PROGRESS_SHOWN_AFTER_MS) return;
  const last = lastReport.get(file) ?? 0;
  if (now - last < 100 && progress.loaded !== progress.total) return;
  lastReport.set(file, now);
  useLoadProgress.setState({ [file]: progress });
}

export function clearProgress(file: string): void {
  lastReport.delete(file);
  firstReport.delete(file);
  if (file in useLoadProgress.getState()) {
    useLoadProgress.setState((state) => {
      const next = { ...state };
      delete next[file];
      return next;
    }, true);
  }
}
