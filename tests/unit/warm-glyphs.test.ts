/** The label glyphs drawn while the first tiles load (issue 13). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import { LABEL_CHARACTERS, labelGlyphsByFont, warmLabelGlyphs } from '../../src/map/warm-glyphs.ts';
import { BASEMAP_FONTS, createBasemapStyle } from '../../src/map/basemap-style.ts';

const STYLE = createBasemapStyle({ baseUrl: 'http://127.0.0.1/', language: 'en' });
const LOWER_CASE = [...LABEL_CHARACTERS].filter((character) => character !== character.toLocaleUpperCase());

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
    warmLabelGlyphs(map, STYLE);
    expect(calls).toHaveLength(0);
    fire('style.load');
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0]!).sort()).toEqual([BASEMAP_FONTS.bold, BASEMAP_FONTS.regular].sort());
    expect(calls[0]![BASEMAP_FONTS.bold]!.default!.join('')).toBe(LABEL_CHARACTERS);
    expect(calls[0]![BASEMAP_FONTS.regular]!.default).toEqual(labelGlyphsByFont(STYLE)[BASEMAP_FONTS.regular]);
  });

  it("draws only the glyphs the style's labels can use: capitals for a font set only in capitals", () => {
    const byFont = labelGlyphsByFont(STYLE);
    // country and state names in the regular font are set in capitals, and the place dot is drawn with it
    const regular = new Set(byFont[BASEMAP_FONTS.regular]);
    expect(LOWER_CASE.length).toBeGreaterThan(20);
    for (const character of LOWER_CASE) expect(regular.has(character)).toBe(false);
    for (const character of LABEL_CHARACTERS) expect(regular.has(character.toLocaleUpperCase())).toBe(true);
    // place names are in the bold font as they are written
    expect(new Set(byFont[BASEMAP_FONTS.bold])).toEqual(new Set(LABEL_CHARACTERS));
  });

  it('counts a constant text as its own characters, a text with tokens or a transform it cannot read as anything', () => {
    const symbol = (id: string, layout: Record<string, unknown>) => ({ id, type: 'symbol', source: 's', layout });
    const style = {
      version: 8,
      sources: {},
      layers: [
        symbol('dot', { 'text-field': '•', 'text-font': ['Dots'] }),
        symbol('tokens', { 'text-field': '{name}', 'text-font': ['Tokens'] }),
        symbol('caps', { 'text-field': ['get', 'name'], 'text-font': ['Caps'], 'text-transform': 'uppercase' }),
        symbol('small', { 'text-field': ['get', 'name'], 'text-font': ['Small'], 'text-transform': 'lowercase' }),
        symbol('either', { 'text-field': ['get', 'name'], 'text-font': ['Either'], 'text-transform': ['get', 'case'] }),
        symbol('no-text', { 'icon-image': 'x', 'text-font': ['Unused'] }),
        { id: 'land', type: 'fill', source: 's' },
      ],
    } as unknown as StyleSpecification;
    const byFont = labelGlyphsByFont(style);
    expect(Object.keys(byFont).sort()).toEqual(['Caps', 'Dots', 'Either', 'Small', 'Tokens']);
    expect(byFont.Dots).toEqual(['•']);
    expect(byFont.Tokens!.join('')).toBe(LABEL_CHARACTERS);
    expect(byFont.Caps!.some((character) => LOWER_CASE.includes(character))).toBe(false);
    expect(byFont.Small!.some((character) => character !== character.toLocaleLowerCase())).toBe(false);
    expect(byFont.Either!.join('')).toBe(LABEL_CHARACTERS);
  });

  it('does nothing where maplibre has no glyph manager, and a failed download is not an unhandled error', async () => {
    const { map, fire } = fakeMap(undefined);
    warmLabelGlyphs(map, STYLE);
    expect(() => fire('style.load')).not.toThrow();
    const failing = fakeMap({ getGlyphs: () => Promise.reject(new Error('offline')) });
    warmLabelGlyphs(failing.map, STYLE);
    expect(() => failing.fire('style.load')).not.toThrow();
    await new Promise((done) => setTimeout(done, 0));
  });
});
