import { describe, expect, it } from 'vitest';
import type { DetailRecord } from '../../src/data/atlas-format.ts';
import { datasetOfId, resolveIdToIndex, resolveIndexToId, resolveSelection } from '../../src/map/selection.ts';
import { flow } from './map-fixtures.ts';

const record = (id: string): DetailRecord => ({
  id,
  name: id,
  country: 'MX',
  state: 'MX-NLE',
  lon: -100,
  lat: 25,
  precision: 'exact',
  sources: [],
  attributes: {},
});
const details = [record('battery-plants:a'), record('battery-plants:b'), record('battery-plants:c')];
const flows = [flow('x', 'battery-plants:a', 'battery-plants:b')];

describe('selection ids', () => {
  it('reads the layer from an atlas id', () => {
    expect(datasetOfId('chargers:afdc:12')).toBe('chargers');
    expect(datasetOfId('assembly-plants:curated:gm')).toBe('assembly-plants');
    expect(datasetOfId('flows:x')).toBe('flows');
    expect(datasetOfId('nonsense:1')).toBeNull();
    expect(datasetOfId('no-colon')).toBeNull();
    expect(datasetOfId(null)).toBeNull();
  });

  it('resolves id ↔ row index both ways', () => {
    expect(resolveIdToIndex(details, 'battery-plants:b')).toBe(1);
    expect(resolveIdToIndex(details, 'battery-plants:zz')).toBe(-1);
    expect(resolveIndexToId(details, 2)).toBe('battery-plants:c');
    expect(resolveIndexToId(details, 3)).toBeNull();
    expect(resolveIdToIndex(flows, 'flows:x')).toBe(0);
  });

  it('reports loading, found and missing selections', () => {
    expect(resolveSelection(null, undefined, undefined)).toEqual({ status: 'none' });
    expect(resolveSelection('battery-plants:b', undefined, undefined).status).toBe('loading');
    const found = resolveSelection('battery-plants:b', details, undefined);
    expect(found.status === 'found' && found.feature.index).toBe(1);
    expect(resolveSelection('battery-plants:gone', details, undefined).status).toBe('missing');
    expect(resolveSelection('battery-plants:b', undefined, undefined, true).status).toBe('missing');
    const flowFound = resolveSelection('flows:x', undefined, flows);
    expect(flowFound.status === 'found' && flowFound.feature.layer).toBe('flows');
    expect(resolveSelection('bogus', details, flows).status).toBe('missing');
  });
});
