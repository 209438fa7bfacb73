import { describe, expect, it } from 'vitest';
import { decodeAtlasState, encodeAtlasState, URL_CODEC_VERSION } from '../../src/state/url-codec.ts';
import { defaultAtlasState, type AtlasState } from '../../src/state/atlas-state.ts';

function customState(): AtlasState {
  const state = defaultAtlasState();
  state.language = 'es';
  state.view = { center: [-99.1332, 19.4326], zoom: 6.25 };
  state.layers = { ...state.layers, chargers: true, minerals: false, 'battery-plants': true, 'assembly-plants': false, flows: true };
  state.countries = ['MX'];
  state.filters.chargerLevel = ['DC'];
  state.filters.chargerNetwork = ['Tesla', 'CFE Red de Carga'];
  state.filters.mineralCommodity = ['lithium', 'copper'];
  state.filters.plantStatus = ['operating', 'unknown'];
  state.filters.state = ['MX-NLE', 'MX-CMX'];
  state.filters.flowMaterial = [];
  state.selection = 'assembly-plants:curated-assembly-plants:ford-cuautitlan';
  return state;
}

describe('URL codec', () => {
  it('round-trips a fully customised state', () => {
    const state = customState();
    const { state: decoded, problems } = decodeAtlasState(encodeAtlasState(state));
    expect(problems).toEqual([]);
    expect(decoded.language).toBe('es');
    expect(decoded.view).toEqual(state.view);
    expect(decoded.layers).toEqual(state.layers);
    expect(decoded.countries).toEqual(['MX']);
    expect(decoded.filters.chargerNetwork?.sort()).toEqual(['CFE Red de Carga', 'Tesla']);
    expect(decoded.filters.mineralCommodity?.sort()).toEqual(['copper', 'lithium']);
    expect(decoded.filters.state?.sort()).toEqual(['MX-CMX', 'MX-NLE']);
    expect(decoded.filters.flowMaterial).toEqual([]);
    expect(decoded.filters.chargerStatus).toBeNull();
    expect(decoded.selection).toBe(state.selection);
  });

  it('carries the charging gap additively (gap=1, r=), omitted at its defaults', () => {
    const state = defaultAtlasState();
    expect(encodeAtlasState(state)).not.toMatch(/gap=|[&#]r=/);
    state.gap = true;
    state.gapRadiusKm = 1.6;
    state.panelTab = 'gap';
    state.choropleth = 'chargers';
    state.measure = 'shareBeyondR';
    const link = encodeAtlasState(state);
    expect(link).toContain('gap=1');
    expect(link).toContain('r=1.6');
    expect(decodeAtlasState(link)).toEqual({ state, problems: [] });
    const bad = decodeAtlasState('#v=1&gap=yes&r=42');
    expect(bad.state.gap).toBe(false);
    expect(bad.state.gapRadiusKm).toBe(50);
    expect(bad.problems.map((p) => p.param).sort()).toEqual(['gap', 'r']);
  });

  it('carries the policy choropleth, the coverage view and the theme additively (pol=, cov=1, theme=), omitted at their defaults', () => {
    const state = defaultAtlasState();
    expect(encodeAtlasState(state)).not.toMatch(/pol=|cov=|theme=/);
    state.policy = 'nevi_apportionment';
    state.theme = 'governance';
    state.layers = Object.fromEntries(Object.keys(state.layers).map((id) => [id, false]));
    const link = encodeAtlasState(state);
    expect(link).toContain('pol=nevi_apportionment');
    expect(link).toContain('theme=governance');
    expect(decodeAtlasState(link)).toEqual({ state, problems: [] });
    const research = { ...defaultAtlasState(), coverage: true, theme: 'research' as const };
    expect(encodeAtlasState(research)).toContain('cov=1');
    expect(decodeAtlasState(encodeAtlasState(research))).toEqual({ state: research, problems: [] });
    // hostile or unknown values fall back to the defaults and are reported
    const bad = decodeAtlasState('#v=1&pol=<script>&cov=2&theme=zzz');
    expect([bad.state.policy, bad.state.coverage, bad.state.theme]).toEqual([null, false, null]);
    expect(bad.problems.map((p) => p.param).sort()).toEqual(['cov', 'pol', 'theme']);
  });

  it('an old link without pol=, cov= or theme= opens as before (no theme: the preset is derived from its layers)', () => {
    const { state, problems } = decodeAtlasState('#v=1&view=-100.0000,31.0000,3.30&layers=chargers&choro=chargers&measure=per100k');
    expect(problems).toEqual([]);
    expect([state.policy, state.coverage, state.theme]).toEqual([null, false, null]);
    expect(state.choropleth).toBe('chargers');
    expect(
      Object.entries(state.layers)
        .filter(([, on]) => on)
        .map(([id]) => id),
    ).toEqual(['chargers']);
  });

  it("carries the user's own story additively (story=custom&s=<base64url>), omitted when absent", () => {
    const state = defaultAtlasState();
    expect(encodeAtlasState(state)).not.toMatch(/[&#]s=/);
    state.story = 'custom';
    state.storyData = 'eJyrVkrLz1eyUkpKLFKqBQAdegQ0';
    state.scene = 3;
    const link = encodeAtlasState(state);
    expect(link).toContain('story=custom&s=eJyrVkrLz1eyUkpKLFKqBQAdegQ0&scene=3');
    expect(decodeAtlasState(link)).toEqual({ state, problems: [] });
    // a v=1 link written before s= existed opens unchanged
    expect(decodeAtlasState('#v=1&story=binational&scene=2').state.storyData).toBeNull();
    const bad = decodeAtlasState('#v=1&story=custom&s=a+b%2Fc%3D');
    expect(bad.state.storyData).toBeNull();
    expect(bad.problems).toEqual([{ param: 's', reason: 'invalid-value' }]);
  });

  it('writes the version and omits defaults, so the default map has a short link', () => {
    const fragment = encodeAtlasState(defaultAtlasState());
    expect(fragment).toBe(`#v=${URL_CODEC_VERSION}&view=-100.0000%2C31.0000%2C3.30`);
  });

  it('gives one URL per state whatever the order of list values', () => {
    const a = customState();
    const b = customState();
    b.filters.state = ['MX-CMX', 'MX-NLE'];
    b.filters.chargerNetwork = ['CFE Red de Carga', 'Tesla'];
    expect(encodeAtlasState(a)).toBe(encodeAtlasState(b));
  });

  it('decodes a link written by version 1 of the codec (fixed text)', () => {
    const { state, problems } = decodeAtlasState(
      '#v=1&lang=es&view=-103.3500%2C20.6700%2C7.00&layers=chargers%2Cflows&country=MX&f.chargerLevel=DC&sel=chargers%3Aafdc%3A1234',
    );
    expect(problems).toEqual([]);
    expect(state.language).toBe('es');
    expect(state.view).toEqual({ center: [-103.35, 20.67], zoom: 7 });
    expect(state.layers.chargers).toBe(true);
    expect(state.layers.minerals).toBe(false);
    expect(state.countries).toEqual(['MX']);
    expect(state.filters.chargerLevel).toEqual(['DC']);
    expect(state.selection).toBe('chargers:afdc:1234');
  });

  it('falls back to defaults for each bad part and reports it, keeping the good parts', () => {
    const { state, problems } = decodeAtlasState('#v=1&lang=fr&view=500,20,3&layers=chargers,bogus&country=MX&f.mineralCommodity=unobtainium&zzz=1');
    const defaults = defaultAtlasState();
    expect(state.language).toBe(defaults.language);
    expect(state.view).toEqual(defaults.view);
    expect(state.layers).toEqual(defaults.layers);
    expect(state.filters.mineralCommodity).toBeNull();
    expect(state.countries).toEqual(['MX']);
    expect(problems.map((p) => `${p.param}:${p.reason}`).sort()).toEqual(
      ['f.mineralCommodity:invalid-value', 'lang:invalid-value', 'layers:invalid-value', 'view:invalid-value', 'zzz:unknown-parameter'].sort(),
    );
  });

  it('rejects a version from the future and an over-long fragment without throwing', () => {
    expect(decodeAtlasState('#v=99&lang=es').problems[0]?.reason).toBe('unsupported-version');
    expect(decodeAtlasState('#v=99&lang=es').state.language).toBe('en');
    const long = decodeAtlasState(`#v=1&sel=${'a'.repeat(10_000)}`);
    expect(long.problems[0]?.reason).toBe('too-long');
  });

  it('treats an empty or missing fragment as the default map', () => {
    expect(decodeAtlasState('').state).toEqual(defaultAtlasState());
    expect(decodeAtlasState('#').problems).toEqual([]);
  });

  it('refuses hostile values instead of carrying them into the state', () => {
    const { state, problems } = decodeAtlasState('#sel=%3Cscript%3Ealert(1)%3C%2Fscript%3E&f.chargerNetwork=%3Cimg%20src%3Dx%3E');
    expect(state.selection).toBeNull();
    expect(state.filters.chargerNetwork).toBeNull();
    expect(problems).toHaveLength(2);
  });
});
