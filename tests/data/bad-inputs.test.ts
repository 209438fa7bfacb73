import { describe, expect, it } from 'vitest';
import { parseAfdc2022 } from '../../data/pipeline/chargers/afdc.ts';
import { parseTesla } from '../../data/pipeline/chargers/tesla.ts';
import { parseOcm, parseOcmReference } from '../../data/pipeline/chargers/ocm.ts';
import { SchemaDriftError, type AdapterResult } from '../../data/pipeline/adapter-types.ts';
import { locateRecords } from '../../data/pipeline/geo/locate.ts';
import { decodeText } from '../../data/pipeline/io/read-input.ts';
import { checkShrink, TruncationError } from '../../data/pipeline/baseline.ts';
import { fixture, fixtureStates, HAS_SHARED, shared } from './helpers.ts';

const states = fixtureStates();
function run(file: string) {
  const r: AdapterResult = parseAfdc2022(fixture(`bad/${file}`), 'test-afdc');
  const loc = locateRecords('test-afdc', r.records, (i) => r.rowRefs![i]!, { states });
  const quarantined = [...r.quarantined, ...loc.quarantined];
  // nothing silently dropped
  expect(loc.located.length + quarantined.length).toBe(r.rowsRead);
  return { r, loc, quarantined };
}

describe('bad-input corpus (synthetic fixtures in tests/data/fixtures/bad)', () => {
  it('truncated CSV: the row cut mid-quote is quarantined with its line, earlier rows kept', () => {
    const { loc, quarantined } = run('afdc-truncated.csv');
    expect(loc.located.map((x) => x.sourceRecordId)).toEqual(['900001', '900002']);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.row).toBe(4);
    expect(quarantined[0]!.reason).toMatch(/unterminated quote|truncated/);
  });

  it('latitude 200 is quarantined as out of range', () => {
    const { loc, quarantined } = run('afdc-lat200.csv');
    expect(loc.located).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ row: 3, recordId: '900012', reason: expect.stringContaining('out of range') });
  });

  it('swapped latitude/longitude is detected and quarantined, not silently fixed', () => {
    const { loc, quarantined } = run('afdc-swapped.csv');
    expect(loc.located.map((x) => x.sourceRecordId)).toEqual(['900021']);
    expect(quarantined[0]).toMatchObject({ recordId: '900022', reason: 'latitude/longitude appear swapped' });
  });

  it('a missing (renamed) column throws SchemaDriftError naming it', () => {
    expect(() => parseAfdc2022(fixture('bad/afdc-missing-column.csv'), 'test-afdc')).toThrow(SchemaDriftError);
    try {
      parseAfdc2022(fixture('bad/afdc-missing-column.csv'), 'test-afdc');
    } catch (e) {
      expect((e as Error).message).toContain('"Longitude"');
      expect((e as Error).message).toContain('test-afdc');
      expect((e as Error).message).toContain('"Long"');
    }
  });

  it('UTF-8 BOM and CRLF line ends parse cleanly', () => {
    const { r, loc } = run('afdc-bom-crlf.csv');
    expect(r.rowsRead).toBe(2);
    expect(loc.located.map((x) => [x.sourceRecordId, x.name, x.state])).toEqual([
      ['900041', 'Synthetic Plaza A', 'US-TX'],
      ['900042', 'Synthetic Plaza B', 'US-NY'],
    ]);
    expect(r.warnings ?? []).toHaveLength(0);
  });

  it('non-UTF-8 (windows-1252) text is decoded as such, with a warning, never mojibake', () => {
    const r = parseTesla(fixture('bad/tesla-latin1.csv'), 'test-tesla');
    expect(r.records[0]!.name).toBe('Tesla Supercharger Querétaro, México');
    expect(r.warnings?.[0]).toMatch(/not valid UTF-8.*windows-1252/);
    const loc = locateRecords('test-tesla', r.records, (i) => i + 2, { states });
    expect(loc.located[0]).toMatchObject({ country: 'MX', state: 'MX-QUE' });
    expect(decodeText(Buffer.from('Nuevo León', 'utf8')).warning).toBeNull();
  });

  it('duplicate ids within a source: quarantined after the first', () => {
    const { loc, quarantined } = run('afdc-duplicate-ids.csv');
    expect(loc.located.map((x) => x.name)).toEqual(['Synthetic Mall A', 'Synthetic Mall C']);
    expect(quarantined[0]).toMatchObject({ row: 3, recordId: '900051', reason: expect.stringContaining('duplicate id') });
  });

  it('0/0 and a single 0 coordinate are quarantined', () => {
    const { loc, quarantined } = run('afdc-zero-coords.csv');
    expect(loc.located).toHaveLength(1);
    expect(quarantined.map((q) => q.reason)).toEqual([expect.stringContaining('0,0'), expect.stringContaining('longitude is 0')]);
  });

  it('a point in Ontario is quarantined as outside US/MX', () => {
    const { quarantined } = run('afdc-ontario.csv');
    expect(quarantined[0]!.reason).toContain('outside US/MX');
    expect(quarantined[0]!.reason).toContain('CA-ON');
  });

  it('a point whose stated country disagrees with the polygon is quarantined "outside its stated country"', () => {
    const cand = {
      layer: 'chargers' as const,
      sourceRecordId: 'x1',
      name: 'Synthetic',
      lon: -100.31,
      lat: 25.67,
      statedCountry: 'US',
      statedState: null,
      precision: 'exact' as const,
      attributes: {},
    };
    const loc = locateRecords('t', [cand], () => 2, { states });
    expect(loc.quarantined[0]!.reason).toContain('outside its stated country');
  });

  it('a missing id is quarantined by the zod schema', () => {
    const cand = {
      layer: 'chargers' as const,
      sourceRecordId: ' ',
      name: 'Synthetic',
      lon: -97.74,
      lat: 30.27,
      statedCountry: 'US',
      statedState: null,
      precision: 'exact' as const,
      attributes: {},
    };
    const loc = locateRecords('t', [cand], () => 2, { states });
    expect(loc.quarantined[0]!.reason).toContain('missing id');
  });

  it('truncation guard: fewer than 50% of the baseline rows fails, unless shrink is allowed', () => {
    expect(() => checkShrink({ a: 1000 }, [{ sourceId: 'a', rowsRead: 499 }], false)).toThrow(TruncationError);
    expect(() => checkShrink({ a: 1000 }, [{ sourceId: 'a', rowsRead: 499 }], false)).toThrow(/"a" yielded 499 rows.*baseline 1000/);
    expect(checkShrink({ a: 1000 }, [{ sourceId: 'a', rowsRead: 500 }], false)).toEqual([]);
    expect(checkShrink({ a: 1000 }, [{ sourceId: 'a', rowsRead: 10 }], true)).toHaveLength(1);
    expect(checkShrink({}, [{ sourceId: 'new', rowsRead: 1 }], false)).toEqual([]);
  });

  it.skipIf(!HAS_SHARED)('OCM JSON cut mid-file is a schema error (truncated download), not a silent empty source', () => {
    const ref = parseOcmReference(shared('chargers/ocm/reference-2021-08.json.gz'));
    const buf = shared('chargers/ocm/mx-pois-2018-2019.json');
    expect(() => parseOcm(buf.subarray(0, buf.length / 2), ref, { sourceId: 'ocm-t', title: '', asOf: '', origin: 'live' })).toThrow(/truncated/);
    expect(() => parseOcm(Buffer.from('[{"foo":1},{"bar":2}]'), ref, { sourceId: 'ocm-t', title: '', asOf: '', origin: 'live' })).toThrow(SchemaDriftError);
  });
});
