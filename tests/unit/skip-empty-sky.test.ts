import { describe, expect, it } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { skipEmptySky } from '../../src/map/skip-empty-sky.ts';

/** A map whose painter's draw functions are shared with other maps, as maplibre's are. */
function fakeMap(shared: Record<string, (...args: unknown[]) => void>) {
  let sky: object | undefined;
  const painter = { drawFunctions: shared };
  const map = { painter, getSky: () => sky };
  return { map: map as unknown as MaplibreMap, painter, setSky: (value: object | undefined) => (sky = value) };
}

describe('skipEmptySky', () => {
  it('draws no sky while the style has none, and draws it once one is set', () => {
    const drawn: unknown[][] = [];
    const shared = { sky: (...args: unknown[]) => void drawn.push(args), fill: () => {} };
    const { map, painter, setSky } = fakeMap(shared);
    expect(skipEmptySky(map)).toBe(true);
    painter.drawFunctions.sky!('mesh', 'context');
    expect(drawn).toEqual([]);
    setSky({ 'sky-color': '#88aaff' });
    painter.drawFunctions.sky!('mesh', 'context');
    expect(drawn).toEqual([['mesh', 'context']]);
    expect(painter.drawFunctions.fill).toBe(shared.fill);
  });

  it('leaves the draw functions other maps share untouched', () => {
    const shared = { sky: () => {} };
    const original = shared.sky;
    const { map, painter } = fakeMap(shared);
    skipEmptySky(map);
    expect(shared.sky).toBe(original);
    expect(painter.drawFunctions).not.toBe(shared);
  });

  it('does nothing on a maplibre without the painter internals it knows', () => {
    expect(skipEmptySky({ getSky: () => undefined } as unknown as MaplibreMap)).toBe(false);
    expect(skipEmptySky({ painter: {}, getSky: () => undefined } as unknown as MaplibreMap)).toBe(false);
  });
});
