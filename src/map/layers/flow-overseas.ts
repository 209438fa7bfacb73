/**
 * Flows with one end outside the US/Mexico/Canada frame (a cell plant in Korea, a graphite mine in Mozambique):
 * instead of an arc across the world, a short great-circle stub leaves the map from the in-frame end toward the
 * overseas end, with an arrowhead the way the material moves and a label naming the country ("from China",
 * "desde China"). The tooltip and the details panel still name the real place (the picked object is the flow).
 * The labels' deck.gl TextLayer is loaded on first use (./flow-overseas-labels.ts), so it stays out of the first
 * view's JavaScript; the layer redraws once it has arrived.
 */
import { CompositeLayer, type DefaultProps, type GetPickingInfoParams, type Layer, type LayerProps, type PickingInfo, type UpdateParameters } from '@deck.gl/core';
import { LineLayer } from '@deck.gl/layers';
import type { FlowRecord } from '../../data/atlas-format.ts';
import { chainCatalog } from '../../i18n/catalog-chain.ts';
import type { Language } from '../../state/atlas-state.ts';
import { maskVersion } from '../../filters/mask-version.ts';
import { FLOW_MATERIAL_COLORS, colorOf, type Rgba } from '../layer-styles.ts';
import { overseasStub, type OverseasStub, type SupplyChain } from '../supply-chain.ts';

export const OVERSEAS_DECK_LAYER_ID = 'flows-overseas';

export interface OverseasLabel {
  position: [number, number];
  text: string;
  color: Rgba;
}
export type OverseasLabelsModule = typeof import('./flow-overseas-labels.ts');

let labelsModule: OverseasLabelsModule | null = null;
let labelsLoading: Promise<OverseasLabelsModule> | null = null;
/** the layer instance deck.gl holds now (a new instance takes over the state at every render; they share internalState) */
let current: OverseasFlowLayer | null = null;
/** Starts loading the labels' module (the app does so at start when flows are shown: it is there for deck.gl's first draw). */
export function loadOverseasLabels(): void {
  labelsLoading ??= import('./flow-overseas-labels.ts').then((m) => {
    labelsModule = m;
    if (current?.internalState) current.setNeedsUpdate();
    return m;
  });
}

/**
 * The interface language. deck.gl layers are rebuilt on data, filter and selection changes, not on a language switch,
 * so the labels follow <html lang> (set by the app with the store's language) and redraw when it changes. Not read
 * from the store: the store's module imports the layer registry, which imports this module.
 */
function pageLanguage(fallback: Language): Language {
  if (typeof document === 'undefined') return fallback;
  const lang = document.documentElement.lang;
  return lang === 'es' || lang === 'en' ? lang : fallback;
}
let watchingLanguage = false;
function watchLanguage(): void {
  if (watchingLanguage || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  watchingLanguage = true;
  new MutationObserver(() => {
    if (current?.internalState) current.setNeedsUpdate();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/** The country's name in the interface language (the browser's region names), else its ISO code. */
export function countryName(code: string, language: Language): string {
  try {
    // the locales of i18n.ts localeOf (not imported: i18n.ts reads the layer registry, which imports this module)
    return new Intl.DisplayNames([language === 'es' ? 'es-MX' : 'en-US'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "from China" / "desde China", "to South Korea" / "hacia Corea del Sur". */
export function overseasLabel(stub: Pick<OverseasStub, 'end' | 'country'>, language: Language): string {
  const template = stub.end === 'from' ? chainCatalog[language].chain.overseasFrom : chainCatalog[language].chain.overseasTo;
  return template.replace('{{country}}', countryName(stub.country, language));
}

export interface OverseasFlowLayerProps extends LayerProps {
  flows: FlowRecord[];
  mask: Uint8Array;
  chain: SupplyChain | null;
  language: Language;
  width: (flow: FlowRecord) => number;
}

/** One straight piece of a stub or of its arrowhead (LineLayer: far smaller in the first view's JavaScript than PathLayer). */
interface StubSegment {
  stub: OverseasStub;
  from: [number, number];
  to: [number, number];
  color: Rgba;
  width: number;
}

function segments(stub: OverseasStub, line: [number, number][], color: Rgba, width: number): StubSegment[] {
  return line.slice(1).map((to, i) => ({ stub, from: line[i]!, to, color, width }));
}

const defaultProps: DefaultProps<OverseasFlowLayerProps> = {
  flows: { type: 'object', value: [] },
  mask: { type: 'object', value: new Uint8Array(0) },
  chain: { type: 'object', value: null },
  language: 'en',
  width: { type: 'function', value: () => 2 },
};

/** Labels closer than this to a kept label with the same text are left out (the stubs stay). */
export const LABEL_SPACING_KM = 400;

/**
 * One label per country and area: stubs toward the same country often end near each other (Korean cells to
 * Michigan, Ohio and Indiana), and a dozen identical labels over the Great Lakes read as noise. Brighter labels
 * (flows of a highlighted chain) are kept first. Pure; exported for tests.
 */
export function thinLabels(labels: readonly OverseasLabel[], minKm = LABEL_SPACING_KM): OverseasLabel[] {
  const kept: OverseasLabel[] = [];
  const km = (a: [number, number], b: [number, number]) => {
    const meanLat = (((a[1] + b[1]) / 2) * Math.PI) / 180;
    return Math.hypot((a[0] - b[0]) * Math.cos(meanLat), a[1] - b[1]) * 111.32;
  };
  for (const label of [...labels].sort((a, b) => b.color[3] - a.color[3])) {
    if (!kept.some((k) => k.text === label.text && km(k.position, label.position) < minKm)) kept.push(label);
  }
  return kept;
}

export class OverseasFlowLayer extends CompositeLayer<OverseasFlowLayerProps> {
  static override layerName = 'OverseasFlowLayer';
  static override defaultProps = defaultProps;
  declare state: { stubs: OverseasStub[] };

  override initializeState(): void {
    this.setState({ stubs: [] });
  }

  override updateState({ props, oldProps }: UpdateParameters<this>): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the async label load redraws the instance deck.gl holds now
    current = this;
    if (props.flows !== oldProps.flows) {
      const stubs = props.flows.map((f) => overseasStub(f)).filter((s): s is OverseasStub => s !== null);
      this.setState({ stubs });
      if (stubs.length && !labelsModule) loadOverseasLabels();
      if (stubs.length) watchLanguage();
    }
  }

  override getPickingInfo({ info }: GetPickingInfoParams): PickingInfo {
    const object = info.object as { stub?: OverseasStub } | undefined;
    return object?.stub ? { ...info, object: object.stub.flow } : info;
  }

  override renderLayers(): Layer[] {
    const { flows, mask, chain, width, visible } = this.props;
    const language = pageLanguage(this.props.language);
    const indexOf = new Map(flows.map((f, i) => [f.id, i]));
    const shown = this.state.stubs.filter((s) => mask[indexOf.get(s.flow.id) ?? -1] === 1);
    const pieces: StubSegment[] = [];
    const labels: OverseasLabel[] = [];
    for (const stub of shown) {
      const [r, g, b, a] = colorOf(FLOW_MATERIAL_COLORS, stub.flow.material);
      const dimmed = chain !== null && !chain.flows.has(stub.flow.id);
      const color: Rgba = [r, g, b, dimmed ? 45 : a];
      const w = width(stub.flow);
      pieces.push(...segments(stub, stub.path, color, w), ...segments(stub, stub.arrow, color, w));
      labels.push({ position: stub.labelPosition, text: overseasLabel(stub, language), color: [33, 37, 41, dimmed ? 90 : 255] });
    }
    const version = `${maskVersion(mask)}:${chain ? [...chain.flows].join(',') : ''}:${language}`;
    const layers: Layer[] = [
      new LineLayer<StubSegment>(
        this.getSubLayerProps({
          id: 'stubs',
          data: pieces,
          visible,
          pickable: true,
          widthUnits: 'pixels',
          getSourcePosition: (d: StubSegment) => d.from,
          getTargetPosition: (d: StubSegment) => d.to,
          getColor: (d: StubSegment) => d.color,
          getWidth: (d: StubSegment) => d.width,
          updateTriggers: { getColor: version, getWidth: version },
        }),
      ),
    ];
    const module = labelsModule;
    if (module && labels.length) layers.push(module.overseasLabelLayer(this.getSubLayerProps({ id: 'labels', visible }), thinLabels(labels), version));
    return layers;
  }
}
