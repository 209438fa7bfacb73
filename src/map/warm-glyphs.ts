import type { Map as MaplibreMap } from 'maplibre-gl';
import { BASEMAP_FONTS } from './basemap-style.ts';

/** Every character of the basemap's labels (names of countries, states and places in English and Spanish, upper
 *  case too, and the place dot '•'); a test checks it against public/basemap. */
export const LABEL_CHARACTERS = ' &-.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÁÇÈÉÍÑÓÚáçèéíñóú•';

interface GlyphManager {
  getGlyphs(glyphs: Record<string, Record<string, string[]>>): Promise<unknown>;
}

/**
 * Has maplibre download the label fonts and draw their glyphs once the style is set, while the first tiles load,
 * rather than when its worker first asks for them after parsing those tiles (issue 13: the labels, and so the
 * map's first idle, waited for the fonts). The glyph manager is not maplibre's public API: without it, nothing
 * happens and the labels load as before.
 */
export function warmLabelGlyphs(map: MaplibreMap): void {
  map.once('style.load', () => {
    const manager = (map as unknown as { style?: { glyphManager?: Partial<GlyphManager> } }).style?.glyphManager;
    if (typeof manager?.getGlyphs !== 'function') return;
    const ids = [...LABEL_CHARACTERS];
    manager.getGlyphs({ [BASEMAP_FONTS.regular]: { default: ids }, [BASEMAP_FONTS.bold]: { default: ids } }).catch(() => undefined);
  });
}
