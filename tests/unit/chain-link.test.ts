/** Issue 14: "show this chain only" travels in the link as chain=<facility id> (additive to v=1). */
import { describe, expect, it } from 'vitest';
import { decodeAtlasState, encodeAtlasState } from '../../src/state/url-codec.ts';
import { defaultAtlasState } from '../../src/state/atlas-state.ts';

describe('chain= in the link', () => {
  it('round-trips a facility id and is omitted when no chain is shown', () => {
    const state = { ...defaultAtlasState(), selection: 'battery-plants:cim:M.B.Ultium_TN_0', chain: 'battery-plants:cim:M.B.Ultium_TN_0' };
    const link = encodeAtlasState(state);
    expect(link).toContain('chain=battery-plants%3Acim%3AM.B.Ultium_TN_0');
    expect(decodeAtlasState(link)).toEqual({ state, problems: [] });
    expect(encodeAtlasState(defaultAtlasState())).not.toContain('chain=');
    const ids = ['minerals:naatbatt:1050', 'assembly-plants:curated-assembly-plants:ford-cuautitlan', 'minerals:minmod:mrdata_major_deposits-1188~2'];
    for (const id of ids) expect(decodeAtlasState(encodeAtlasState({ ...defaultAtlasState(), chain: id })).state.chain).toBe(id);
  });
  it('an old link without chain= opens with no chain filter', () => {
    expect(decodeAtlasState('#v=1&lang=es').state.chain).toBeNull();
  });
  it('a chain= that is not a facility id is reported and ignored', () => {
    for (const bad of ['flows:x', 'states:US-CA', 'nonsense', 'minerals:<script>', '']) {
      const r = decodeAtlasState(`#v=1&chain=${encodeURIComponent(bad)}`);
      expect(r.state.chain, bad).toBeNull();
      expect(
        r.problems.map((p) => p.param),
        bad,
      ).toContain('chain');
    }
  });
});
