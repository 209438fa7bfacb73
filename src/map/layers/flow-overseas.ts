/**
 * Flows with one end outside the US/Mexico/Canada frame (a cell plant in Korea, a graphite mine in Mozambique):
 * instead of an arc across the world, a short great-circle stub leaves the map from the in-frame end toward the
 * overseas end, with an arrowhead the way the material moves and a label naming the country ("from China",
 * "desde China"). The tooltip and the details panel still name the real place (the picked object is the flow).
 * The stubs are flat arcs, drawn by the flows' own shader program, and the labels are icons, drawn by the plants'
 * icon program, whose pixels are the label text drawn with the canvas 2D API: no TextLayer with its own program,
 * glyph atlas and separately loaded module (issue 13: fewer programs for software WebGL to compile in the first view).
 */
import { CompositeLayer, type DefaultProps, type GetPickingInfoParams, type Layer, type LayerProps, type PickingInfo } from '@deck.gl/core';
import { ArcLayer, IconLayer } from '@deck.gl/layers';
import type { FlowRecord } from '../../data/atlas-format.ts';
import { chainCatalog } from '../../i18n/catalog-chain.ts';
import type { Language } from '../../state/atlas-state.ts';
import { maskVersion } from '../../filters/mask-version.ts';
import { FLOW_MATERIAL_COLORS, colorOf, type Rgba } from '../layer-styles.ts';
import { overseasStub, type OverseasStub, type SupplyChain } from '../supply-chain.ts';
import { FILTER_EXTENSION, FILTER_RANGE } from './common.ts';

export const OVERSEAS_DECK_LAYER_ID = 'flows-overseas';

export interface OverseasLabel {
  position: [number, number];
  text: string;
  /** the flow is outside a highlighted chain (drawn faint) */
  dimmed: boolean;
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

/** One straight piece of a stub or of its arrowhead (drawn as a flat arc: far smaller in the first view's JavaScript than PathLayer). */
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
  for (const label of [...labels].sort((a, b) => Number(a.dimmed) - Number(b.dimmed))) {
    if (!kept.some((k) => k.text === label.text && km(k.position, label.position) < minKm)) kept.push(label);
  }
  return kept;
}

const stubsOfFlows = new WeakMap<FlowRecord[], { stub: OverseasStub; row: number }[]>();
/** The stubs of the flows with an overseas end, each with its flow's row (computed once per flows array). */
function stubsOf(flows: FlowRecord[]): { stub: OverseasStub; row: number }[] {
  let stubs = stubsOfFlows.get(flows);
  if (!stubs) {
    stubs = flows.flatMap((flow, row) => {
      const stub = overseasStub(flow);
      return stub ? [{ stub, row }] : [];
    });
    stubsOfFlows.set(flows, stubs);
  }
  return stubs;
}

/** The stubs the mask shows. */
function shownStubs(flows: FlowRecord[], mask: Uint8Array): OverseasStub[] {
  return stubsOf(flows)
    .filter(({ row }) => mask[row] === 1)
    .map(({ stub }) => stub);
}

const dimmedIn = (chain: SupplyChain | null, flow: FlowRecord) => chain !== null && !chain.flows.has(flow.id);

/** The country labels of the stubs the mask shows, thinned, in the interface language (pure). */
export function overseasLabels(flows: FlowRecord[], mask: Uint8Array, chain: SupplyChain | null, language: Language): OverseasLabel[] {
  return labelsOfStubs(shownStubs(flows, mask), chain, language);
}

function labelsOfStubs(stubs: readonly OverseasStub[], chain: SupplyChain | null, language: Language): OverseasLabel[] {
  return thinLabels(stubs.map((stub) => ({ position: stub.labelPosition, text: overseasLabel(stub, language), dimmed: dimmedIn(chain, stub.flow) })));
}

const LABEL_FONT_PIXELS = 13;
const LABEL_HALO_PIXELS = 1.5;
const LABEL_COLOR = '#212529';
const LABEL_HALO = 'rgba(255, 255, 255, 0.9)';
/** Alpha of a label outside a highlighted chain (the icon's own colours are kept; only the alpha is applied). */
const DIMMED_LABEL_ALPHA = 90;

interface LabelIcon {
  x: number;
  y: number;
  width: number;
  height: number;
  anchorY: number;
  mask: false;
}
export interface LabelAtlas {
  /** RGBA pixels, one label per row of the atlas */
  image: ImageData;
  mapping: Record<string, LabelIcon>;
  /** atlas pixels per screen pixel */
  scale: number;
}

let lastAtlas: { key: string; atlas: LabelAtlas | null } = { key: '', atlas: null };
/**
 * The label texts drawn once each (dark bold text on a white halo) at the screen's pixel density, as pixels for an
 * IconLayer (given as pixels, deck.gl has them at its first draw); null without a DOM canvas (Node tests). The last
 * atlas is kept while the texts and the density are the same. The canvas is a CPU one (`willReadFrequently`): its
 * pixels are read once, and a GPU canvas would make that read wait for the GPU process.
 */
export function labelAtlas(texts: readonly string[], scale: number): LabelAtlas | null {
  const unique = [...new Set(texts)].sort();
  const key = `${scale}|${unique.join('\n')}`;
  if (key === lastAtlas.key) return lastAtlas.atlas;
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!context || unique.length === 0) return null;
  const font = `700 ${LABEL_FONT_PIXELS * scale}px 'Noto Sans', sans-serif`;
  context.font = font;
  const pad = Math.ceil((LABEL_HALO_PIXELS + 1) * scale);
  const height = Math.ceil(LABEL_FONT_PIXELS * 1.4 * scale) + 2 * pad;
  const widths = unique.map((text) => Math.ceil(context.measureText(text).width) + 2 * pad);
  context.canvas.width = Math.max(...widths);
  context.canvas.height = height * unique.length;
  // resizing the canvas resets its state
  context.font = font;
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.strokeStyle = LABEL_HALO;
  context.lineWidth = 2 * LABEL_HALO_PIXELS * scale;
  context.fillStyle = LABEL_COLOR;
  const mapping: Record<string, LabelIcon> = {};
  unique.forEach((text, i) => {
    const middle = i * height + height / 2;
    context.strokeText(text, pad, middle);
    context.fillText(text, pad, middle);
    mapping[text] = { x: 0, y: i * height, width: widths[i]!, height, anchorY: height, mask: false };
  });
  const atlas = { image: context.getImageData(0, 0, context.canvas.width, context.canvas.height), mapping, scale };
  // drawn with a fallback font while Noto Sans loads: drawn again at the layer's next render
  if (document.fonts?.check(font) !== false) lastAtlas = { key, atlas };
  return atlas;
}

export class OverseasFlowLayer extends CompositeLayer<OverseasFlowLayerProps> {
  static override layerName = 'OverseasFlowLayer';
  static override defaultProps = defaultProps;

  override getPickingInfo({ info }: GetPickingInfoParams): PickingInfo {
    const object = info.object as { stub?: OverseasStub } | undefined;
    return object?.stub ? { ...info, object: object.stub.flow } : info;
  }

  override renderLayers(): Layer[] {
    const { flows, mask, chain, width, visible, language } = this.props;
    const pieces: StubSegment[] = [];
    const shown = shownStubs(flows, mask);
    for (const stub of shown) {
      const [r, g, b, a] = colorOf(FLOW_MATERIAL_COLORS, stub.flow.material);
      const color: Rgba = [r, g, b, dimmedIn(chain, stub.flow) ? 45 : a];
      const w = width(stub.flow);
      pieces.push(...segments(stub, stub.path, color, w), ...segments(stub, stub.arrow, color, w));
    }
    const version = `${maskVersion(mask)}:${chain ? [...chain.flows].join(',') : ''}`;
    const labels = labelsOfStubs(shown, chain, language);
    const atlas = labelAtlas(
      labels.map((label) => label.text),
      Math.max(1, Math.ceil(typeof window === 'undefined' ? 1 : window.devicePixelRatio)),
    );
    const layers: Layer[] = [
      // A flat arc with the flows' filter extension is a straight line drawn by the flows' own shader program.
      new ArcLayer<StubSegment>(
        this.getSubLayerProps({
          id: 'stubs',
          data: pieces,
          visible,
          pickable: true,
          greatCircle: false,
          getHeight: 0,
          // a flat arc is a straight line: two points (deck.gl's minimum) draw the same pixels as fifty
          numSegments: 2,
          widthUnits: 'pixels',
          getSourcePosition: (d: StubSegment) => d.from,
          getTargetPosition: (d: StubSegment) => d.to,
          getSourceColor: (d: StubSegment) => d.color,
          getTargetColor: (d: StubSegment) => d.color,
          getWidth: (d: StubSegment) => d.width,
          getFilterValue: () => 1,
          filterRange: FILTER_RANGE,
          extensions: [FILTER_EXTENSION],
          updateTriggers: { getSourceColor: version, getTargetColor: version, getWidth: version },
        }),
      ),
    ];
    if (atlas) {
      layers.push(
        // the assembly plants' program: an IconLayer with the same filter extension
        new IconLayer<OverseasLabel>(
          this.getSubLayerProps({
            id: 'labels',
            data: labels,
            visible,
            pickable: false,
            iconAtlas: atlas.image as unknown as string,
            iconMapping: atlas.mapping,
            sizeUnits: 'pixels',
            billboard: true,
            getPosition: (d: OverseasLabel) => d.position,
            getIcon: (d: OverseasLabel) => d.text,
            getSize: (d: OverseasLabel) => atlas.mapping[d.text]!.height / atlas.scale,
            getColor: (d: OverseasLabel) => [255, 255, 255, d.dimmed ? DIMMED_LABEL_ALPHA : 255],
            getFilterValue: () => 1,
            filterRange: FILTER_RANGE,
            extensions: [FILTER_EXTENSION],
            updateTriggers: { getIcon: `${version}:${language}`, getSize: `${version}:${language}`, getColor: version },
          }),
        ),
      );
    }
    return layers;
  }
}
