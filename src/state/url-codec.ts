/**
 * The one versioned codec between the atlas state and the URL fragment.
 *
 *   #v=1&lang=es&view=-99.1332,19.4326,5.00&layers=chargers,flows&country=MX
 *    &f.chargerLevel=DC,L2&f.state=MX-NLE&sel=chargers:afdc:1234&choro=chargers&measure=per100k&tab=stats&gap=1&r=30
 *
 * Rules: parameters equal to their default are omitted, list values are sorted, so one state has
 * one URL. Decoding never throws: each bad part falls back to its default and is reported in
 * `problems`. Links written by older versions are upgraded by MIGRATIONS before decoding.
 */
import { COUNTRIES, type Country } from '../data/atlas-format.ts';
import { DATA_BUILD_ID } from '../data/data-version.ts';
import { FILTER_OPTIONS, filterLinkDomain } from '../filters/filter-options.ts';
import { LAYER_IDS, POINT_LAYER_SPECS } from '../map/layers/index.ts';
import { STATE_MEASURES, type StateMeasure } from '../analysis/state-measures.ts';
import { GAP_RADII_KM, type GapRadiusKm } from '../analysis/gap-constants.ts';
import { POLICY_CHOROPLETH_KEYS, type PolicyChoroplethKey } from '../analysis/policies.ts';
import { THEME_IDS, type ThemeId } from '../components/theme-presets.ts';
import { LANGUAGES, PANEL_TABS, VIEW_LIMITS, defaultAtlasState, type AtlasState, type Language, type PanelTab } from './atlas-state.ts';

/** A facility id as `chain=` carries it: a point dataset, a colon, then id characters. */
const CHAIN_ID = /^(chargers|minerals|battery-plants|assembly-plants):[A-Za-z0-9._:~-]{1,200}$/;

/** Layers a state choropleth can count: the point layers. */
const CHOROPLETH_LAYER_IDS: readonly string[] = POINT_LAYER_SPECS.map((spec) => spec.id);

export const URL_CODEC_VERSION = 1;
/** The longest fragment a link may have (decoding rejects longer ones); a story link must fit in it too. */
export const MAX_FRAGMENT_LENGTH = 8000;
const MAX_LIST_ITEMS = 200;

export interface UrlProblem {
  param: string;
  reason: 'unknown-parameter' | 'invalid-value' | 'unsupported-version' | 'too-long';
}

export interface DecodeResult {
  state: AtlasState;
  problems: UrlProblem[];
}

const STATE_CODE = /^(US|MX)-[A-Z]{2,3}$/;
const FEATURE_ID = /^[a-z-]+:[A-Za-z0-9._:-]{1,200}$/;
/** issue 11: a story id (curated ids, or 'custom' for a story carried by the link) and the scene number */
const STORY_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_SCENE = 200;
/** issue 11: a story carried by the link (`s=`): compressed and base64url-encoded (src/stories/story-link.ts checks the rest) */
const STORY_DATA = /^[A-Za-z0-9_-]+$/;
const SESSION_PARAMS: readonly string[] = ['story', 's', 'scene', 'present', 'embed', 'hc', 'cap'];

/** Allowed values per filter param (`f.<param>`), from the layer specs: a fixed list, or a pattern for open sets. */
const FILTER_DOMAINS: ReadonlyMap<string, readonly string[] | RegExp> = new Map<string, readonly string[] | RegExp>([
  ...FILTER_OPTIONS.map((option) => [option.param, filterLinkDomain(option)] as const),
  ['state', STATE_CODE],
]);

/** Upgrades parameters written by an older codec version to the current one. Index = from-version. */
const MIGRATIONS: Record<number, (params: URLSearchParams) => void> = {};

export function encodeAtlasState(state: AtlasState): string {
  const defaults = defaultAtlasState();
  const params = new URLSearchParams();
  params.set('v', String(URL_CODEC_VERSION));
  if (state.language !== defaults.language) params.set('lang', state.language);
  if (state.story) params.set('story', state.story);
  if (state.storyData) params.set('s', state.storyData);
  if (state.story && state.scene !== defaults.scene) params.set('scene', String(state.scene));
  if (state.present) params.set('present', '1');
  if (state.embed) params.set('embed', '1');
  if (state.highContrast) params.set('hc', '1');
  if (state.bothLanguages) params.set('cap', 'both');
  const [lon, lat] = state.view.center;
  params.set('view', `${lon.toFixed(4)},${lat.toFixed(4)},${state.view.zoom.toFixed(2)}`);
  const visibleLayers = LAYER_IDS.filter((id) => state.layers[id]);
  if (LAYER_IDS.some((id) => Boolean(state.layers[id]) !== defaults.layers[id])) params.set('layers', visibleLayers.join(',') || 'none');
  const countries = COUNTRIES.filter((c) => state.countries.includes(c));
  if (countries.length !== COUNTRIES.length) params.set('country', countries.join(',') || 'none');
  for (const key of FILTER_DOMAINS.keys()) {
    const values = state.filters[key];
    if (values !== null && values !== undefined) params.set(`f.${key}`, [...new Set(values)].sort().join(',') || 'none');
  }
  if (state.selection) params.set('sel', state.selection);
  if (state.choropleth) params.set('choro', state.choropleth);
  if (state.measure !== defaults.measure) params.set('measure', state.measure);
  if (state.panelTab !== defaults.panelTab) params.set('tab', state.panelTab);
  if (state.dataVersion) params.set('data', state.dataVersion);
  if (state.gap !== defaults.gap) params.set('gap', state.gap ? '1' : '0');
  if (state.gapRadiusKm !== defaults.gapRadiusKm) params.set('r', String(state.gapRadiusKm));
  // issue 15 (additive): the policy choropleth, the coverage view and the theme preset
  if (state.policy) params.set('pol', state.policy);
  if (state.coverage) params.set('cov', '1');
  if (state.theme) params.set('theme', state.theme);
  // issue 14 (additive): the map filtered to a facility's supply chain
  if (state.chain) params.set('chain', state.chain);
  return `#${params.toString()}`;
}

export function decodeAtlasState(fragment: string): DecodeResult {
  const state = defaultAtlasState();
  const problems: UrlProblem[] = [];
  try {
    decodeInto(state, problems, fragment);
  } catch {
    return { state: defaultAtlasState(), problems: [{ param: '*', reason: 'invalid-value' }] };
  }
  return { state, problems };
}

function decodeInto(state: AtlasState, problems: UrlProblem[], fragment: string): void {
  let text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.startsWith('?')) text = text.slice(1);
  if (text.trim() === '') return;
  if (text.length > MAX_FRAGMENT_LENGTH) {
    problems.push({ param: '*', reason: 'too-long' });
    return;
  }
  const params = new URLSearchParams(text);
  const version = Number(params.get('v') ?? URL_CODEC_VERSION);
  if (!Number.isInteger(version) || version < 1 || version > URL_CODEC_VERSION) {
    problems.push({ param: 'v', reason: 'unsupported-version' });
    if (!Number.isInteger(version) || version > URL_CODEC_VERSION) return;
  }
  for (let from = version; from < URL_CODEC_VERSION; from++) MIGRATIONS[from]?.(params);

  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!applyParam(state, key, raw)) {
      problems.push({ param: key.slice(0, 40), reason: isKnownParam(key) ? 'invalid-value' : 'unknown-parameter' });
    }
  }
}

function isKnownParam(key: string): boolean {
  if (key === 'data') return true;
  if (SESSION_PARAMS.includes(key)) return true;
  return (
    ['v', 'lang', 'view', 'layers', 'country', 'sel', 'choro', 'measure', 'tab', 'gap', 'r', 'pol', 'cov', 'theme', 'chain'].includes(key) ||
    (key.startsWith('f.') && FILTER_DOMAINS.has(key.slice(2)))
  );
}

/** Applies one parameter; returns false when it is unknown or invalid (the default stays). */
function applyParam(state: AtlasState, key: string, raw: string): boolean {
  switch (key) {
    case 'v':
      return true;
    case 'data':
      // issue 12: the data build the link was made on (src/data/data-version.ts)
      if (!DATA_BUILD_ID.test(raw)) return false;
      state.dataVersion = raw;
      return true;
    case 'story':
      if (!STORY_ID.test(raw)) return false;
      state.story = raw;
      return true;
    case 's':
      if (!STORY_DATA.test(raw)) return false;
      state.storyData = raw;
      return true;
    case 'scene': {
      const scene = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!(scene >= 1 && scene <= MAX_SCENE)) return false;
      state.scene = scene;
      return true;
    }
    case 'present':
    case 'embed':
    case 'hc':
      if (raw !== '0' && raw !== '1') return false;
      if (key === 'present') state.present = raw === '1';
      else if (key === 'embed') state.embed = raw === '1';
      else state.highContrast = raw === '1';
      return true;
    case 'cap':
      if (raw !== 'ui' && raw !== 'both') return false;
      state.bothLanguages = raw === 'both';
      return true;
    case 'lang':
      if (!(LANGUAGES as readonly string[]).includes(raw)) return false;
      state.language = raw as Language;
      return true;
    case 'view': {
      const view = parseView(raw);
      if (!view) return false;
      state.view = view;
      return true;
    }
    case 'layers': {
      const ids = parseList(raw, LAYER_IDS);
      if (!ids) return false;
      state.layers = Object.fromEntries(LAYER_IDS.map((id) => [id, ids.includes(id)]));
      return true;
    }
    case 'country': {
      const countries = parseList(raw, COUNTRIES);
      if (!countries) return false;
      state.countries = countries as Country[];
      return true;
    }
    case 'sel':
      if (!FEATURE_ID.test(raw)) return false;
      state.selection = raw;
      return true;
    case 'choro':
      if (!CHOROPLETH_LAYER_IDS.includes(raw)) return false;
      state.choropleth = raw;
      return true;
    case 'measure':
      if (!(STATE_MEASURES as readonly string[]).includes(raw)) return false;
      state.measure = raw as StateMeasure;
      return true;
    case 'tab':
      if (!(PANEL_TABS as readonly string[]).includes(raw)) return false;
      state.panelTab = raw as PanelTab;
      return true;
    case 'gap':
      if (raw !== '0' && raw !== '1') return false;
      state.gap = raw === '1';
      return true;
    case 'r': {
      const radius = GAP_RADII_KM.find((r) => String(r) === raw);
      if (radius === undefined) return false;
      state.gapRadiusKm = radius as GapRadiusKm;
      return true;
    }
    case 'pol':
      if (!(POLICY_CHOROPLETH_KEYS as readonly string[]).includes(raw)) return false;
      state.policy = raw as PolicyChoroplethKey;
      return true;
    case 'cov':
      if (raw !== '0' && raw !== '1') return false;
      state.coverage = raw === '1';
      return true;
    case 'chain':
      // an atlas id of a facility ('battery-plants:cim:M.B.Ultium_TN_0'); whether it is in the data is known once loaded
      if (!CHAIN_ID.test(raw)) return false;
      state.chain = raw;
      return true;
    case 'theme':
      if (!(THEME_IDS as readonly string[]).includes(raw)) return false;
      state.theme = raw as ThemeId;
      return true;
    default: {
      if (!key.startsWith('f.')) return false;
      const filterKey = key.slice(2);
      const domain = FILTER_DOMAINS.get(filterKey);
      if (!domain) return false;
      const values = parseList(raw, domain);
      if (!values) return false;
      state.filters[filterKey] = values;
      return true;
    }
  }
}

function parseView(raw: string): AtlasState['view'] | null {
  const parts = raw.split(',');
  if (parts.length !== 3) return null;
  const [lon, lat, zoom] = parts.map((part) => (/^-?\d{1,3}(\.\d{1,8})?$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  if (![lon, lat, zoom].every(Number.isFinite)) return null;
  if (lon < -180 || lon > 180 || lat < VIEW_LIMITS.minLat || lat > VIEW_LIMITS.maxLat) return null;
  if (zoom < VIEW_LIMITS.minZoom || zoom > VIEW_LIMITS.maxZoom) return null;
  // the precision the encoder writes, so that one state has one link (decode(encode(s)) == s)
  const round = (value: number, digits: number) => Number(value.toFixed(digits)) + 0; // + 0: no -0
  return { center: [round(lon, 4), round(lat, 4)], zoom: round(zoom, 2) };
}

/** 'none' is the explicit empty list; every item must be in the domain, or the whole list is rejected. */
function parseList(raw: string, domain: readonly string[] | RegExp): string[] | null {
  if (raw === 'none') return [];
  const items = raw.split(',');
  if (items.length === 0 || items.length > MAX_LIST_ITEMS) return null;
  const valid = items.every((item) => (Array.isArray(domain) ? domain.includes(item) : (domain as RegExp).test(item)));
  return valid ? [...new Set(items)] : null;
}
