/** The legend's byte progress (issue 12) shows only for downloads that last (issue 13: no flashing text, no repaints). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearProgress, PROGRESS_SHOWN_AFTER_MS, reportProgress, useLoadProgress } from '../../src/data/load-progress.ts';

function at(ms: number) {
  vi.spyOn(Date, 'now').mockReturnValue(1_000_000 + ms);
}

describe('reportProgress', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    clearProgress('a.bin');
    clearProgress('b.bin');
  });

  it('a download that ends sooner than the threshold never shows its bytes', () => {
    at(0);
    reportProgress('a.bin', { loaded: 4_096, total: 1_300_000 });
    at(PROGRESS_SHOWN_AFTER_MS - 10);
    reportProgress('a.bin', { loaded: 1_300_000, total: 1_300_000 });
    expect(useLoadProgress.getState()['a.bin']).toBeUndefined();
  });

  it('a slow download shows its bytes after the threshold, at most every 100 ms, and the last report', () => {
    at(0);
    reportProgress('a.bin', { loaded: 4_096, total: 1_300_000 });
    at(PROGRESS_SHOWN_AFTER_MS);
    reportProgress('a.bin', { loaded: 100_000, total: 1_300_000 });
    expect(useLoadProgress.getState()['a.bin']).toEqual({ loaded: 100_000, total: 1_300_000 });
    at(PROGRESS_SHOWN_AFTER_MS + 50);
    reportProgress('a.bin', { loaded: 200_000, total: 1_300_000 });
    expect(useLoadProgress.getState()['a.bin']?.loaded).toBe(100_000);
    at(PROGRESS_SHOWN_AFTER_MS + 60);
    reportProgress('a.bin', { loaded: 1_300_000, total: 1_300_000 });
    expect(useLoadProgress.getState()['a.bin']?.loaded).toBe(1_300_000);
  });

  it('each file has its own clock, restarted when its download ends', () => {
    at(0);
    reportProgress('a.bin', { loaded: 1, total: 10 });
    at(PROGRESS_SHOWN_AFTER_MS + 1);
    reportProgress('b.bin', { loaded: 1, total: 10 });
    reportProgress('a.bin', { loaded: 2, total: 10 });
    expect(useLoadProgress.getState()['a.bin']?.loaded).toBe(2);
    expect(useLoadProgress.getState()['b.bin']).toBeUndefined();
    clearProgress('a.bin');
    expect(useLoadProgress.getState()['a.bin']).toBeUndefined();
    reportProgress('a.bin', { loaded: 3, total: 10 });
    expect(useLoadProgress.getState()['a.bin']).toBeUndefined();
  });
});
