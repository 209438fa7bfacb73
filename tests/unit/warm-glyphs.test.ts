/** The label glyphs drawn while the first tiles load (issue 13). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { LABEL_CHARACTERS, warmLabelGlyphs } from '../../src/map/warm-glyphs.ts';
import { BASEMAP_FONTS } from '../../src/map/basemap-style.ts';

function fakeMap(glyphManager?: object) {
  const handlers: Record<string, () => void> = {};
  const map = { once: (event: string, handler: () => void) => (handlers[event] = handler), style: { glyphManager } };
  return { map: map as unknown as MaplibreMap, fire: (event: string) => handlers[event]?.() };
}

describe('warmLabelGlyphs', () => {
  it('covers every character of the basemap labels, and nothing else', () => {
    const used = new Set<string>(['•']);
    for (const file of ['labels.geojson', 'places.geojson']) {
      const { features } = JSON.parse(readFileSync(join('public/basemap', file), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
      for (const { properties } of features)
        for (const [key, value] of Object.entries(properties))
          if (key.startsWith('name') && typeof value === 'string') for (const c of value) used.add(c).add(c.toUpperCase());
    }
    expect([...LABEL_CHARACTERS].sort()).toEqual([...used].sort());
  });

  it('asks the glyph manager for both label fonts once the style has loaded', async () => {
    const calls: Record<string, Record<string, string[]>>[] = [];
    const { map, fire } = fakeMap({ getGlyphs: async (glyphs: Record<string, Record<string, string[]>>) => void calls.push(glyphs) });
    warmLabelGlyphs(map);
    expect(calls).toHaveLength(0);
    fire('style.load');
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0]!).sort()).toEqual([BASEMAP_FONTS.bold, BASEMAP_FONTS.regular].sort());
    expect(calls[0]![BASEMAP_FONTS.regular]!.default!.join('')).toBe(LABEL_CHARACTERS);
  });

  it('does nothing where maplibre has no glyph manager, and a failed download is not an unhandled error', async () => {
    const { map, fire } = fakeMap(undefined);
    warmLabelGlyphs(map);
    expect(() => fire('style.load')).not.toThrow();
    const failing = fakeMap({ getGlyphs: () => Promise.reject(new Error('offline')) });
    warmLabelGlyphs(failing.map);
    expect(() => failing.fire('style.load')).not.toThrow();
    await new Promise((done) => setTimeout(done, 0));
  });
});
