import { describe, expect, it } from 'vitest';
import { citationsText, csvCell, flowRows, inBounds, pointRows, toCsv, toGeoJson } from '../../src/export/export-data.ts';
import { viewBounds } from '../../src/export/view-bounds.ts';
import type { AtlasManifest, DetailRecord, FlowRecord } from '../../src/data/atlas-format.ts';

const manifest = {
  generatedAt: '2026-01-01T00:00:00Z',
  mode: 'snapshot',
  sources: {
    a: { id: 'a', title: 'Source A', publisher: 'Pub A', url: 'https://a.example', licence: 'CC0', asOf: '2025-01' },
    b: { id: 'b', title: 'Source, "B"', publisher: 'Pub B', url: 'https://b.example', licence: 'CC BY 4.0', asOf: '2024' },
  },
} as unknown as AtlasManifest;

const rec = (id: string, name: string, lon: number, lat: number, sources = [{ sourceId: 'a', recordId: id }]): DetailRecord => ({
  id: `chargers:${id}`,
  name,
  country: 'US',
  state: 'US-TX',
  lon,
  lat,
  precision: 'exact',
  sources,
  attributes: { level: ['L2', 'DC'], network: '@evil', status: 'open', access: null, ports: 3, maxPowerKw: -1 },
});

describe('CSV cells', () => {
  it('neutralises formula injection in text cells and quotes separators, quotes and line breaks', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-97.5)).toBe('-97.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('export rows', () => {
  const details = [
    rec('1', 'One', -97, 30),
    rec('2', '=Two', -100, 40, [
      { sourceId: 'a', recordId: '2' },
      { sourceId: 'b', recordId: 'x' },
    ]),
    rec('3', 'Three', 10, 10),
  ];

  it('keeps only masked rows, optionally inside bounds', () => {
    const mask = Uint8Array.from([1, 1, 0]);
    expect(pointRows('chargers', details, mask).map((r) => r.id)).toEqual(['chargers:1', 'chargers:2']);
    expect(pointRows('chargers', details, mask, { west: -98, east: -96, south: 29, north: 31 }).map((r) => r.id)).toEqual(['chargers:1']);
  });

  it('writes a header, one line per row, sources, licences and as-of dates; safe cells', () => {
    const csv = toCsv(pointRows('chargers', details, Uint8Array.from([1, 1, 1])), manifest);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'id,name,layer,country,state,lon,lat,precision,level,network,status,access,ports,max_power_kw,connectors,source_names,source_record_ids,source_urls,licences,as_of',
    );
    expect(lines[2]).toBe(
      `chargers:2,'=Two,chargers,US,US-TX,-100,40,exact,L2; DC,'@evil,open,,3,-1,,"Source A | Source, ""B""",a:2 | b:x,https://a.example | https://b.example,CC0 | CC BY 4.0,2025-01 | 2024`,
    );
  });

  it('exports flows with both ends; GeoJSON as LineStrings; citations list every source once with the atlas link', () => {
    const flow: FlowRecord = {
      id: 'flows:1',
      from: { name: 'Mine', lon: -118, lat: 41, country: 'US', facilityId: null },
      to: { name: 'Plant', lon: -100, lat: 25, country: 'MX', facilityId: null },
      material: 'lithium',
      relation: 'offtake',
      year: 2024,
      volume: null,
      volumeUnit: null,
      crossBorder: true,
      description: 'd',
      sources: [{ sourceId: 'b', recordId: 'f1' }],
    };
    const rows = [...pointRows('chargers', details, Uint8Array.from([1, 0, 0])), ...flowRows([flow], Uint8Array.from([1]))];
    const context = { manifest, atlasUrl: 'https://atlas.example/#v=1&country=MX', exportedAt: '2026-02-01T00:00:00Z', scope: ['countries: MX'] };
    const geo = JSON.parse(toGeoJson(rows, context));
    expect(geo.features[1].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [-118, 41],
        [-100, 25],
      ],
    });
    expect(geo.metadata.sources.map((s: { id: string }) => s.id)).toEqual(['a', 'b']);
    const text = citationsText(rows, context);
    expect(text).toContain('https://atlas.example/#v=1&country=MX');
    expect(text).toContain('Source A. Pub A. https://a.example');
    expect(text).toContain('Licence: CC BY 4.0. Data as of: 2024. Features in this export: 1.');
    expect(text).toContain('Scope: countries: MX');
  });

  it('computes view bounds from the view and the map size', () => {
    const b = viewBounds({ center: [0, 0], zoom: 1 }, 512, 512)!;
    expect(b.west).toBeCloseTo(-90);
    expect(b.east).toBeCloseTo(90);
    expect(b.north).toBeCloseTo(66.51, 1);
    expect(inBounds(0, 0, b)).toBe(true);
    expect(inBounds(120, 0, b)).toBe(false);
    expect(viewBounds({ center: [0, 0], zoom: 1 }, 0, 0)).toBeNull();
  });
});
