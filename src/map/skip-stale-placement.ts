import type { Map as MaplibreMap } from 'maplibre-gl';

interface PlacementInternals {
  stale: boolean;
  hasTransitions(now: number): boolean;
}
interface PauseablePlacementInternals {
  placement: PlacementInternals;
}
type UpdatePlacement = (this: StyleInternals, ...args: unknown[]) => boolean;
interface StyleInternals {
  placement?: PlacementInternals;
  pauseablePlacement?: PauseablePlacementInternals;
  _updatePlacement?: UpdatePlacement;
}

const patched = new WeakSet<object>();

/**
 * maplibre-gl 6 places the labels of new tiles and, in the same frame, marks that placement stale because the tiles'
 * symbols changed, so it draws the whole map again in the next frame with the same placement: in the first view,
 * one more full frame of every layer between the frame with all the tiles and the map's `idle` (issue 13: in
 * software GL the GPU process draws it while deck.gl's first frame waits behind it). The mark is needed when a
 * placement spans frames (symbols may change under it); a placement started and finished within the one call, after
 * the new symbols were indexed, already holds them. This clears the mark in that case only; every other result of
 * maplibre's placement step is kept. It reaches into the style (not public API): when a maplibre version has no
 * `_updatePlacement`, it does nothing. Returns whether it applied.
 */
export function skipStalePlacementRepaint(map: MaplibreMap): boolean {
  const style = (map as unknown as { style?: StyleInternals }).style;
  if (!style) return false;
  // the method lives on maplibre's Style class, shared by every style the map loads later (a restyle can replace it)
  const styleClass = Object.getPrototypeOf(style) as StyleInternals | null;
  const updatePlacement = styleClass?._updatePlacement;
  if (!styleClass || typeof updatePlacement !== 'function') return false;
  if (patched.has(styleClass)) return true;
  patched.add(styleClass);
  styleClass._updatePlacement = function (this: StyleInternals, ...args: unknown[]): boolean {
    const before = this.pauseablePlacement;
    const repaint = updatePlacement.apply(this, args);
    const current = this.pauseablePlacement;
    // a new placement whose result maplibre committed in this call (it commits only a finished one)
    const placedWithinThisCall = current !== before && this.placement === current?.placement;
    if (!repaint || !placedWithinThisCall || !this.placement?.stale) return repaint;
    this.placement.stale = false;
    return this.placement.hasTransitions(performance.now());
  };
  return true;
}
