import { describe, expect, it } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { skipStalePlacementRepaint } from '../../src/map/skip-stale-placement.ts';

/** One frame's placement inputs: whether the tiles' symbols changed, and whether the placement finishes in it. */
interface Frame {
  symbolsChanged: boolean;
  finishes: boolean;
  fading?: boolean;
}

class Placement {
  stale = false;
  constructor(readonly fading: boolean) {}
  hasTransitions(): boolean {
    return this.stale || this.fading;
  }
}

class PauseablePlacement {
  readonly placement: Placement;
  private done = false;
  constructor(fading: boolean) {
    this.placement = new Placement(fading);
  }
  isDone(): boolean {
    return this.done;
  }
  finish(): void {
    this.done = true;
  }
}

/** The control flow of maplibre-gl 6's Style#_updatePlacement, reduced to the parts the patch reads. */
function makeStyleClass() {
  return class Style {
    placement: Placement = new Placement(false);
    pauseablePlacement?: PauseablePlacement;
    _updatePlacement(frame: Frame): boolean {
      if (!this.pauseablePlacement || this.pauseablePlacement.isDone()) this.pauseablePlacement = new PauseablePlacement(frame.fading ?? false);
      if (frame.finishes) {
        this.pauseablePlacement.finish();
        this.placement = this.pauseablePlacement.placement;
      }
      if (frame.symbolsChanged) this.pauseablePlacement.placement.stale = true;
      return !this.pauseablePlacement.isDone() || this.placement.hasTransitions();
    }
  };
}

function mapWith(style: object): MaplibreMap {
  return { style } as unknown as MaplibreMap;
}

describe('skipStalePlacementRepaint', () => {
  it('asks for no second frame when the placement that holds the new symbols was made and finished in this one', () => {
    const Style = makeStyleClass();
    const unpatched = new Style();
    expect(unpatched._updatePlacement({ symbolsChanged: true, finishes: true })).toBe(true);

    const style = new Style();
    expect(skipStalePlacementRepaint(mapWith(style))).toBe(true);
    expect(style._updatePlacement({ symbolsChanged: true, finishes: true })).toBe(false);
    expect(style.placement.stale).toBe(false);
  });

  it('keeps the stale mark of a placement begun in an earlier frame (the symbols may have changed under it)', () => {
    const Style = makeStyleClass();
    const style = new Style();
    skipStalePlacementRepaint(mapWith(style));
    expect(style._updatePlacement({ symbolsChanged: false, finishes: false })).toBe(true);
    expect(style._updatePlacement({ symbolsChanged: true, finishes: true })).toBe(true);
    expect(style.placement.stale).toBe(true);
  });

  it('still asks for the frames of a fade', () => {
    const Style = makeStyleClass();
    const style = new Style();
    skipStalePlacementRepaint(mapWith(style));
    expect(style._updatePlacement({ symbolsChanged: true, finishes: true, fading: true })).toBe(true);
    expect(style.placement.stale).toBe(false);
  });

  it('patches the style class once, for every style of it', () => {
    const Style = makeStyleClass();
    const first = new Style();
    expect(skipStalePlacementRepaint(mapWith(first))).toBe(true);
    const patchedMethod = Style.prototype._updatePlacement;
    expect(skipStalePlacementRepaint(mapWith(new Style()))).toBe(true);
    expect(Style.prototype._updatePlacement).toBe(patchedMethod);
    const later = new Style();
    expect(later._updatePlacement({ symbolsChanged: true, finishes: true })).toBe(false);
  });

  it('does nothing on a maplibre without the style internals it knows', () => {
    expect(skipStalePlacementRepaint({} as MaplibreMap)).toBe(false);
    expect(skipStalePlacementRepaint(mapWith({}))).toBe(false);
  });
});
