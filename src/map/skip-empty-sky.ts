import type { Map as MaplibreMap } from 'maplibre-gl';

type DrawFunction = (...args: unknown[]) => void;
interface PainterInternals {
  drawFunctions?: Record<string, DrawFunction>;
}

/**
 * maplibre-gl 6 draws the sky on every frame, with a shader program of its own, even when the style has no sky: it is
 * then transparent. The atlas's style has none and its map never tilts, so that draw paints nothing, but its program
 * is compiled and linked at the first frame, which the page waits for (about 0.3 s of a cold load in software GL).
 * This skips the sky while the style has none and draws it as before once one is set. It reaches into the painter
 * (not public API): when a maplibre version has no `drawFunctions`, it does nothing. Returns whether it applied.
 */
export function skipEmptySky(map: MaplibreMap): boolean {
  const painter = (map as unknown as { painter?: PainterInternals }).painter;
  const drawSky = painter?.drawFunctions?.sky;
  if (!painter?.drawFunctions || typeof drawSky !== 'function') return false;
  // a copy: maplibre shares the object between maps
  painter.drawFunctions = {
    ...painter.drawFunctions,
    sky: (...args: unknown[]) => {
      if (map.getSky()) drawSky(...args);
    },
  };
  return true;
}
