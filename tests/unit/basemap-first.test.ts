import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBasemapFirstGate } from '../../src/map/basemap-first.ts';

describe("the data layers wait for the basemap's first view", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens when the basemap has drawn, once', () => {
    const onOpen = vi.fn();
    const gate = createBasemapFirstGate(onOpen, 3000);
    gate.layersWaiting();
    expect(onOpen).not.toHaveBeenCalled();
    gate.basemapDrawn();
    gate.basemapDrawn();
    vi.advanceTimersByTime(5000);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('holds ready data back at most the longest wait, counted from when the data is ready', () => {
    const onOpen = vi.fn();
    const gate = createBasemapFirstGate(onOpen, 3000);
    vi.advanceTimersByTime(10_000);
    expect(onOpen).not.toHaveBeenCalled();
    gate.layersWaiting();
    vi.advanceTimersByTime(2000);
    gate.layersWaiting();
    vi.advanceTimersByTime(999);
    expect(onOpen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onOpen).toHaveBeenCalledTimes(1);
    gate.basemapDrawn();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('does not open after it is disposed', () => {
    const onOpen = vi.fn();
    const gate = createBasemapFirstGate(onOpen, 3000);
    gate.layersWaiting();
    gate.dispose();
    vi.advanceTimersByTime(5000);
    expect(onOpen).not.toHaveBeenCalled();
  });
});
