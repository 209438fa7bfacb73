import { describe, expect, it } from 'vitest';
import { thinLabels, type OverseasLabel } from '../../src/map/layers/flow-overseas.ts';

const label = (text: string, lon: number, lat: number, dimmed = false): OverseasLabel => ({ text, position: [lon, lat], dimmed });

describe('overseas flow labels', () => {
  it('keeps one label per country and area, and every country', () => {
    const labels = [
      label('from South Korea', -83.0, 42.3), // Detroit
      label('from South Korea', -84.5, 42.7), // Lansing, ~135 km away
      label('from Japan', -83.2, 42.4), // another country at the same place
      label('from South Korea', -97.7, 30.2), // Austin, far away
    ];
    expect(thinLabels(labels).map((l) => `${l.text} ${l.position.join(',')}`)).toEqual([
      'from South Korea -83,42.3',
      'from Japan -83.2,42.4',
      'from South Korea -97.7,30.2',
    ]);
  });

  it('keeps the label of a highlighted chain over a dimmed one nearby', () => {
    const kept = thinLabels([label('from China', -99.1, 19.4, true), label('from China', -99.2, 19.5)]);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.dimmed).toBe(false);
  });
});
