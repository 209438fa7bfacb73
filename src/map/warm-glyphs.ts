import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';

/** Every character of the basemap's labels (names of countries, states and places in English and Spanish, upper
 *  case too, and the place dot '•'); a test checks it against public/basemap. */
export const LABEL_CHARACTERS = ' &-.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÁÇÈÉÍÑÓÚáçèéíñóú•';

interface GlyphManager {
  getGlyphs(glyphs: Record<string, Record<string, string[]>>): Promise<unknown>;
}

/**
 * The glyphs each font of the style's labels can be asked for: a layer whose text is a constant (the place dot)
 * needs its own characters; one set in capitals (`text-transform: uppercase`: maplibre's worker transforms the
 * text before it asks for glyphs) the capitals of every label character; any other every label character (an
 * expression for the transform counts as none).
 */
export function labelGlyphsByFont(style: StyleSpecification): Record<string, string[]> {
  const byFont = new Map<string, Set<string>>();
  for (const layer of style.layers) {
    if (layer.type !== 'symbol' || layer.layout?.['text-field'] === undefined) continue;
    const { 'text-field': textField, 'text-font': textFont, 'text-transform': textTransform } = layer.layout;
    // a string with `{property}` tokens is filled in per feature, like an expression
    const text = typeof textField === 'string' && !textField.includes('{') ? textField : LABEL_CHARACTERS;
    const characters = [...(textTransform === 'uppercase' ? text.toLocaleUpperCase() : textTransform === 'lowercase' ? text.toLocaleLowerCase() : text)];
    const names: string[] = Array.isArray(textFont) ? (textFont as unknown[]).filter((name): name is string => typeof name === 'string') : [];
    for (const name of names) {
      const glyphs = byFont.get(name) ?? new Set<string>();
      for (const character of characters) glyphs.add(character);
      byFont.set(name, glyphs);
    }
  }
  return Object.fromEntries([...byFont].map(([name, glyphs]) => [name, [...glyphs]]));
}

/**
 * Has maplibre download the label fonts and draw their glyphs once the style is set, while the first tiles load,
 * rather than when its worker first asks for them after parsing those tiles (issue 13: the labels, and so the
 * map's first idle, waited for the fonts). Only the glyphs the style's labels can use are drawn: a font set only
 * in capitals gets no lower-case letters. The glyph manager is not maplibre's public API: without it, nothing
 * happens and the labels load as before.
 */
export function warmLabelGlyphs(map: MaplibreMap, style: StyleSpecification): void {
  const glyphs = Object.fromEntries(Object.entries(labelGlyphsByFont(style)).map(([name, ids]) => [name, { default: ids }]));
  map.once('style.load', () => {
    const manager = (map as unknown as { style?: { glyphManager?: Partial<GlyphManager> } }).style?.glyphManager;
    if (typeof manager?.getGlyphs !== 'function') return;
    manager.getGlyphs(glyphs).catch(() => undefined);
  });
}
