import { describe, expect, it } from 'vitest';
import { drawMapFrame, provideMapFrames, type MapFrameReader } from '../../src/map/map-frame.ts';

function fakeMap(canvases: HTMLCanvasElement[]) {
  const drawn: string[] = [];
  return {
    drawn,
    source: {
      drawFrame: async (read: MapFrameReader) => {
        drawn.push('frame');
        read(canvases);
      },
    },
  };
}

describe('map frames (the image export reads the canvases in the frame that draws them)', () => {
  it('refuses when no map is shown', async () => {
    await expect(drawMapFrame(() => undefined)).rejects.toThrow('no map');
  });

  it('has the shown map draw a frame and hands its canvases to the reader', async () => {
    const canvases = [{ id: 'maplibre' }, { id: 'deck.gl' }] as unknown as HTMLCanvasElement[];
    const map = fakeMap(canvases);
    const withdraw = provideMapFrames(map.source);
    let read: HTMLCanvasElement[] = [];
    await drawMapFrame((given) => (read = given));
    expect(map.drawn).toEqual(['frame']);
    expect(read).toBe(canvases);
    withdraw();
    await expect(drawMapFrame(() => undefined)).rejects.toThrow('no map');
  });

  it('a map withdrawn after another was shown does not withdraw the newer one', async () => {
    const first = fakeMap([]);
    const second = fakeMap([]);
    const withdrawFirst = provideMapFrames(first.source);
    const withdrawSecond = provideMapFrames(second.source);
    withdrawFirst();
    await drawMapFrame(() => undefined);
    expect(second.drawn).toEqual(['frame']);
    expect(first.drawn).toEqual([]);
    withdrawSecond();
  });
});
