import { beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { createI18n, loadLanguage } from '../../src/i18n/i18n.ts';
import { tooltipText, cleanText, type TooltipContext } from '../../src/map/tooltip.ts';
import type { DetailRecord } from '../../src/data/atlas-format.ts';
import { COUNTRY, flow, makeColumns } from './map-fixtures.ts';

const chargers = makeColumns(
  'chargers',
  [
    [-100, 30],
    [-99, 31],
    [-98, 32],
  ],
  {
    country: { ...COUNTRY, values: [1, 1, 2] },
    level: { kind: 'bitmask', categories: ['L1', 'L2', 'DC'], values: [0b100, 0b010, 0] },
  },
);
const STAGE = ['unknown', 'processing', 'cathode', 'anode', 'materials_other', 'cell', 'module_pack', 'recycling', 'lead_acid', 'other'];
const plants = makeColumns('battery-plants', [[-100, 25]], { stage: { kind: 'category', categories: STAGE, values: [5] } });
const hostile: DetailRecord = {
  id: 'battery-plants:x',
  name: '<img src=x onerror=alert(1)>  Planta\n  Nuevo León',
  country: 'MX',
  state: 'MX-NLE',
  lon: -100,
  lat: 25,
  precision: 'exact',
  sources: [],
  attributes: {},
};
const layer = (id: string) => ({ id }) as unknown as Layer;

function ctx(language: 'en' | 'es', details: TooltipContext['details'] = {}): TooltipContext {
  const i18n = createI18n(language);
  return {
    t: i18n.t.bind(i18n),
    locale: language === 'es' ? 'es-MX' : 'en-US',
    columns: { chargers, 'battery-plants': plants },
    masks: { chargers: new Uint8Array([1, 1, 0]) },
    details,
  };
}

describe('map tooltips', () => {
  beforeAll(() => loadLanguage('es'));

  it('hexagon: visible charger count, translated and formatted', () => {
    const info = { layer: layer('chargers-hexagons'), index: 0, picked: true, object: { position: [-100, 30], rows: new Uint32Array([0, 1, 2]) } };
    expect(tooltipText(info, ctx('en'))).toMatch(/^2 chargers in this area\n/);
    expect(tooltipText(info, ctx('es'))).toMatch(/^2 cargadores en esta zona\n/);
    const one = { ...info, object: { position: [-100, 30], rows: new Uint32Array([0, 2]) } };
    expect(tooltipText(one, ctx('es'))).toMatch(/^1 cargador en esta zona/);
  });

  it('point without details: layer name and main category in the language', () => {
    const info = { layer: layer('chargers'), index: 0, picked: true, object: null };
    expect(tooltipText(info, ctx('en'))).toBe('EV chargers\nDC fast');
    expect(tooltipText(info, ctx('es'))).toBe('Cargadores de VE\nCarga rápida CC');
  });

  it('with details: the name as plain, collapsed text (markup stays inert text)', () => {
    const info = { layer: layer('battery-plants'), index: 0, picked: true, object: null };
    const text = tooltipText(info, ctx('es', { 'battery-plants': [hostile] }))!;
    expect(text).toBe('<img src=x onerror=alert(1)> Planta Nuevo León\nPlantas de la cadena de baterías · Celdas'.replace('Celdas', text.split(' · ')[1]!));
    expect(text.split('\n')[0]).toBe('<img src=x onerror=alert(1)> Planta Nuevo León');
    expect(cleanText('x'.repeat(200)).length).toBe(80);
  });

  it('flows: route and material in both languages', () => {
    const f = flow('a', 'x:1', 'x:2', { material: 'lithium', crossBorder: true });
    const info = { layer: layer('flows'), index: 0, picked: true, object: f };
    expect(tooltipText(info, ctx('en'))).toContain('Lithium');
    expect(tooltipText(info, ctx('en'))).toContain('Cross-border');
    expect(tooltipText(info, ctx('es'))).toContain('Litio');
    expect(tooltipText(info, ctx('es'))).toContain('Transfronterizo');
  });

  it('nothing for unknown layers or misses', () => {
    expect(tooltipText({ layer: layer('selection-ring'), index: 0, picked: true, object: null }, ctx('en'))).toBeNull();
    expect(tooltipText({ layer: layer('chargers'), index: -1, picked: false, object: null }, ctx('en'))).toBeNull();
  });
});
