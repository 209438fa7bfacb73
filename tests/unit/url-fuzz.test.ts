import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAtlasState, encodeAtlasState } from '../../src/state/url-codec.ts';
import { ATTRIBUTE_FILTER_KEYS, LANGUAGES, VIEW_LIMITS, type AtlasState } from '../../src/state/atlas-state.ts';
import { COUNTRIES } from '../../src/data/atlas-format.ts';
import { LAYER_IDS } from '../../src/map/layers/index.ts';

/** A state is valid when every field has the type and range the app relies on. */
function assertValidState(state: AtlasState): void {
  expect(LANGUAGES).toContain(state.language);
  const [lon, lat] = state.view.center;
  expect(Number.isFinite(lon) && lon >= -180 && lon <= 180).toBe(true);
  expect(Number.isFinite(lat) && lat >= VIEW_LIMITS.minLat && lat <= VIEW_LIMITS.maxLat).toBe(true);
  expect(state.view.zoom >= VIEW_LIMITS.minZoom && state.view.zoom <= VIEW_LIMITS.maxZoom).toBe(true);
  expect(Object.keys(state.layers).sort()).toEqual([...LAYER_IDS].sort());
  for (const visible of Object.values(state.layers)) expect(typeof visible).toBe('boolean');
  for (const country of state.countries) expect(COUNTRIES).toContain(country);
  for (const key of ATTRIBUTE_FILTER_KEYS) {
    const values = state.filters[key];
    expect(values === null || (Array.isArray(values) && values.every((v) => typeof v === 'string' && v.length <= 80))).toBe(true);
  }
  expect(state.selection === null || (typeof state.selection === 'string' && state.selection.length <= 250)).toBe(true);
}

const KNOWN_KEYS = ['v', 'lang', 'view', 'layers', 'country', 'sel', ...ATTRIBUTE_FILTER_KEYS.map((k) => `f.${k}`)];
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '%00',
    '%',
    '%E0%A4%A',
    '..%2F..%2F',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '__proto__',
    'constructor',
    '‮',
    'none',
    ',,,',
    'US,US,MX',
  ),
  fc.array(fc.constantFrom('chargers', 'minerals', 'flows', 'DC', 'L2', 'MX', 'US', 'lithium', 'US-TX', 'MX-NLE', 'x'), { maxLength: 6 }).map((parts) => parts.join(',')),
  fc.tuple(fc.double(), fc.double(), fc.double()).map(([a, b, c]) => `${a},${b},${c}`),
);
const param = fc.tuple(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 12 })), nastyText, fc.boolean());
const generatedFragment = fc
  .array(param, { maxLength: 12 })
  .map((pairs) => '#' + pairs.map(([key, value, encode]) => `${encodeURIComponent(key)}=${encode ? encodeURIComponent(value) : value}`).join('&'));

/** Mutations of a real link: characters dropped, duplicated, replaced, truncated. */
function mutatedLink(base: string) {
  return fc
    .array(fc.tuple(fc.nat(base.length), fc.constantFrom('drop', 'dup', 'replace', 'cut'), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 6,
    })
    .map((edits) => {
      let text = base;
      for (const [at, kind, junk] of edits) {
        const i = at % Math.max(1, text.length);
        if (kind === 'drop') text = text.slice(0, i) + text.slice(i + 1);
        else if (kind === 'dup') text = text.slice(0, i) + text.slice(i, i + 5) + text.slice(i);
        else if (kind === 'replace') text = text.slice(0, i) + junk + text.slice(i + 1);
        else text = text.slice(0, i);
      }
      return text;
    });
}

const REAL_LINK =
  '#v=1&lang=es&view=-99.1332%2C19.4326%2C6.25&layers=chargers%2Cbattery-plants%2Cflows&country=MX&f.chargerLevel=DC&f.chargerNetwork=CFE+Red+de+Carga%2CTesla&f.state=MX-CMX%2CMX-NLE&sel=assembly-plants%3Acurated-assembly-plants%3Aford-cuautitlan';

describe('URL codec under fuzzing', () => {
  it('never throws and always yields a valid state for 10,000 generated and mutated links', () => {
    fc.assert(
      fc.property(fc.oneof(generatedFragment, mutatedLink(REAL_LINK), fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (fragment) => {
        const { state } = decodeAtlasState(fragment);
        assertValidState(state);
      }),
      { numRuns: 10_000 },
    );
  });

  it('re-encoding any decoded state is stable: decode(encode(s)) == s', () => {
    fc.assert(
      fc.property(fc.oneof(generatedFragment, mutatedLink(REAL_LINK)), (fragment) => {
        const { state } = decodeAtlasState(fragment);
        const again = decodeAtlasState(encodeAtlasState(state));
        expect(again.problems).toEqual([]);
        expect(again.state).toEqual({
          ...state,
          filters: Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, v === null ? null : [...v].sort()])),
          countries: COUNTRIES.filter((c) => state.countries.includes(c)),
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
