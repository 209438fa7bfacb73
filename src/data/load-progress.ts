/** Bytes received so far for each data file being downloaded (issue 12): the legend shows them instead of a bare "loading". */
import { create } from 'zustand';
import type { ByteProgress } from './integrity.ts';

export const useLoadProgress = create<Record<string, ByteProgress>>()(() => ({}));

/** At most one update per file every 100 ms (the body arrives in many small chunks), plus the last. */
const lastReport = new Map<string, number>();

export function reportProgress(file: string, progress: ByteProgress): void {
  const now = Date.now();
  const last = lastReport.get(file) ?? 0;
  if (now - last < 100 && progress.loaded !== progress.total) return;
  lastReport.set(file, now);
  useLoadProgress.setState({ [file]: progress });
}

export function clearProgress(file: string): void {
  lastReport.delete(file);
  if (file in useLoadProgress.getState()) {
    useLoadProgress.setState((state) => {
      const next = { ...state };
      delete next[file];
      return next;
    }, true);
  }
}
