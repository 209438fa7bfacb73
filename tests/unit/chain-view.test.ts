/** Issue 14: overseas flow stubs (geometry, labels) and the "show this chain only" masks. */
import { describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../src/data/atlas-format.ts';
import { bearingDeg, greatCircleKm, overseasEnd, overseasStub, supplyChainOf } from '../../src/map/supply-chain.ts';
import { countryName, labelAtlas, overseasLabel, overseasLabels } from '../../src/map/layers/flow-overseas.ts';
import { chainRows, restrictFlowMask, restrictMask } from '../../src/map/chain-filter.ts';
import { flow } from './map-fixtures.ts';

function withEnds(base: FlowRecord, from: [number, number, string], to: [number, number, string]): FlowRecord {
  return { ...base, from: { ...base.from, lon: from[0], lat: from[1], country: from[2] }, to: { ...base.to, lon: to[0], lat: to[1], country: to[2] } };
}

describe('overseas flows', () => {
  // CATL Ningde (China) -> Ford Cuautitlán (Mexico)
  const catl = withEnds(flow('catl', null, 'assembly-plants:ford'), [119.52, 26.66, 'CN'], [-99.19, 19.64, 'MX']);
  // Rhyolite Ridge (Nevada) -> EcoPro (Korea)
  const ecopro = withEnds(flow('ecopro', 'minerals:rr', null), [-117.7, 37.8, 'US'], [127.3, 36.6, 'KR']);
  const quebec = withEnds(flow('nal', null, 'assembly-plants:tx'), [-77.9, 48.2, 'CA'], [-97.6, 30.2, 'US']);

  it('an end outside the US/MX/Canada frame is overseas; Canada is in the frame', () => {
    expect(overseasEnd(catl)).toBe('from');
    expect(overseasEnd(ecopro)).toBe('to');
    expect(overseasEnd(quebec)).toBeNull();
    expect(overseasStub(quebec)).toBeNull();
  });

  it('the stub starts at the in-frame end, heads along the great circle toward the overseas end and stays short', () => {
    const stub = overseasStub(catl, 900)!;
    expect(stub.country).toBe('CN');
    expect(stub.path[0]).toEqual([-99.19, 19.64]);
    const tip = stub.path[stub.path.length - 1]!;
    expect(greatCircleKm([-99.19, 19.64], tip)).toBeCloseTo(900, 0);
    // the tip lies on the way to China: the bearing from the tip to Ningde is close to the bearing along the path
    const toChina = greatCircleKm(tip, [119.52, 26.66]);
    expect(toChina).toBeCloseTo(greatCircleKm([-99.19, 19.64], [119.52, 26.66]) - 900, -1);
    expect(stub.labelPosition).toEqual(tip);
  });

  it('the arrowhead points the way the material moves: into the frame for imports, out of it for exports', () => {
    const heading = (s: NonNullable<ReturnType<typeof overseasStub>>) => bearingDeg(s.arrow[0]!, s.arrow[1]!);
    const imp = overseasStub(catl)!;
    const exp = overseasStub(ecopro)!;
    const mid = (s: NonNullable<ReturnType<typeof overseasStub>>) => s.path[Math.floor(s.path.length / 2)]!;
    // the tip (arrow[1]) is nearer the in-frame end for an import, nearer the far end for an export
    expect(greatCircleKm(imp.arrow[1]!, imp.path[0]!)).toBeLessThan(greatCircleKm(mid(imp), imp.path[0]!));
    expect(greatCircleKm(exp.arrow[1]!, exp.path[0]!)).toBeGreaterThan(greatCircleKm(mid(exp), exp.path[0]!));
    expect(Number.isFinite(heading(imp))).toBe(true);
  });

  it('labels name the country in the interface language', () => {
    expect(countryName('KR', 'en')).toMatch(/Korea/);
    expect(countryName('JP', 'es')).toBe('Japón');
    expect(overseasLabel({ end: 'from', country: 'CN' }, 'en')).toBe('from China');
    expect(overseasLabel({ end: 'from', country: 'CN' }, 'es')).toBe('desde China');
    expect(overseasLabel({ end: 'to', country: 'PL' }, 'es')).toBe('hacia Polonia');
  });

  it('the shown stubs are labelled at their tips, in the interface language, faint outside a highlighted chain', () => {
    const flows = [catl, ecopro, quebec];
    const both = overseasLabels(flows, Uint8Array.of(1, 1, 1), null, 'en');
    expect(both.map((l) => l.text)).toEqual(['from China', 'to South Korea']);
    expect(both[0]!.position).toEqual(overseasStub(catl)!.labelPosition);
    expect(both.every((l) => !l.dimmed)).toBe(true);
    // a filtered-out flow loses its label; Spanish
    expect(overseasLabels(flows, Uint8Array.of(0, 1, 1), null, 'es').map((l) => l.text)).toEqual(['hacia Corea del Sur']);
    // the chain of Ford: China's flow is in it, Korea's is not
    const chain = supplyChainOf(flows, 'assembly-plants:ford');
    expect(overseasLabels(flows, Uint8Array.of(1, 1, 1), chain, 'en').map((l) => `${l.text} ${l.dimmed}`)).toEqual(['from China false', 'to South Korea true']);
  });

  it('without a DOM canvas (Node) there is no label atlas and no label layer', () => {
    expect(labelAtlas(['from China'], 1)).toBeNull();
  });
});

describe('show this chain only', () => {
  const flows = [flow('f1', 'minerals:a', 'battery-plants:b'), flow('f2', 'battery-plants:b', 'assembly-plants:c'), flow('other', 'minerals:z', 'battery-plants:y')];
  const chain = supplyChainOf(flows, 'battery-plants:b');

  it('keeps the rows of the chain facilities whose details have loaded, and only the chain flows', () => {
    const details = {
      minerals: [{ id: 'minerals:a' }, { id: 'minerals:z' }],
      'battery-plants': [{ id: 'battery-plants:b' }, undefined, { id: 'battery-plants:y' }],
    } as never;
    const rows = chainRows(chain, details);
    expect([...rows.minerals]).toEqual([0]);
    expect([...rows['battery-plants']]).toEqual([0]);
    expect([...rows['assembly-plants']]).toEqual([]); // not loaded yet
    expect([...restrictMask(new Uint8Array([1, 1]), rows.minerals)]).toEqual([1, 0]);
    // a row the user's filters hide stays hidden
    expect([...restrictMask(new Uint8Array([0, 1]), rows.minerals)]).toEqual([0, 0]);
    expect([...restrictFlowMask(new Uint8Array([1, 1, 1]), flows, chain)]).toEqual([1, 1, 0]);
    expect([...restrictFlowMask(new Uint8Array([1, 1, 1]), flows, null)]).toEqual([0, 0, 0]);
  });
});
