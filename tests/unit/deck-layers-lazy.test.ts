import { ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { withoutNeverShown } from '../../src/map/never-shown.ts';

const layer = (id: string, visible: boolean) => new ScatterplotLayer({ id, data: [], visible });

describe('deck layers that were never shown', () => {
  it('are left out until first shown, then kept while hidden', () => {
    const shown = new Set<string>();
    expect(withoutNeverShown([layer('chargers-hexagons', true), layer('chargers', false), layer('minerals', false)], shown).map((l) => l.id)).toEqual([
      'chargers-hexagons',
    ]);
    // zoom in: the points appear, the hexagons hide but stay initialised
    expect(withoutNeverShown([layer('chargers-hexagons', false), layer('chargers', true), layer('minerals', false)], shown).map((l) => l.id)).toEqual([
      'chargers-hexagons',
      'chargers',
    ]);
    // the minerals are switched on, then off again: they stay
    withoutNeverShown([layer('minerals', true)], shown);
    expect(withoutNeverShown([layer('chargers-hexagons', false), layer('chargers', true), layer('minerals', false)], shown).map((l) => l.id)).toEqual([
      'chargers-hexagons',
      'chargers',
      'minerals',
    ]);
  });
});
