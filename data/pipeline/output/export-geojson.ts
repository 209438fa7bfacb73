/** `export <dir>`: one GeoJSON file per layer from the built output, with attributes and provenance. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AtlasManifest, FlowRecord, SourceInfo, SourceRef } from '../../../src/data/atlas-format.ts';
import { POINT_DATASET_IDS } from '../../../src/data/atlas-format.ts';
import { readLayerDetails } from './read-details.ts';

function provenance(refs: SourceRef[], sources: Record<string, SourceInfo>) {
  return refs.map((r) => {
    const s = sources[r.sourceId];
    return {
      sourceId: r.sourceId,
      recordId: r.recordId,
      ...(r.url ? { url: r.url } : {}),
      sourceName: s?.title ?? r.sourceId,
      publisher: s?.publisher ?? null,
      licence: s?.licence ?? null,
      asOf: s?.asOf ?? null,
      origin: s?.origin ?? null,
    };
  });
}

export function exportGeojson(builtDir: string, outDir: string): { file: string; features: number }[] {
  const manifest = JSON.parse(readFileSync(join(builtDir, 'manifest.json'), 'utf8')) as AtlasManifest;
  mkdirSync(outDir, { recursive: true });
  const out: { file: string; features: number }[] = [];
  const meta = { generatedAt: manifest.generatedAt, mode: manifest.mode, formatVersion: manifest.formatVersion };
  for (const layer of POINT_DATASET_IDS) {
    const recs = readLayerDetails(builtDir, manifest.layers[layer]);
    const fc = {
      type: 'FeatureCollection',
      metadata: { layer, ...meta, coverage: manifest.layers[layer].coverage },
      features: recs.map((r) => ({
        type: 'Feature',
        id: r.id,
        geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
        properties: {
          id: r.id,
          name: r.name,
          country: r.country,
          state: r.state,
          precision: r.precision,
          ...r.attributes,
          sources: provenance(r.sources, manifest.sources),
          ...(r.overrides ? { overrides: r.overrides } : {}),
        },
      })),
    };
    const file = join(outDir, `${layer}.geojson`);
    writeFileSync(file, JSON.stringify(fc));
    out.push({ file, features: recs.length });
  }
  const flows = JSON.parse(readFileSync(join(builtDir, manifest.layers.flows.files.flows!), 'utf8')) as FlowRecord[];
  const fc = {
    type: 'FeatureCollection',
    metadata: { layer: 'flows', ...meta },
    features: flows.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: {
        type: 'LineString',
        coordinates: [
          [f.from.lon, f.from.lat],
          [f.to.lon, f.to.lat],
        ],
      },
      properties: {
        id: f.id,
        fromName: f.from.name,
        fromCountry: f.from.country,
        fromFacilityId: f.from.facilityId,
        toName: f.to.name,
        toCountry: f.to.country,
        toFacilityId: f.to.facilityId,
        material: f.material,
        relation: f.relation,
        year: f.year,
        volume: f.volume,
        volumeUnit: f.volumeUnit,
        crossBorder: f.crossBorder,
        description: f.description,
        sources: provenance(f.sources, manifest.sources),
      },
    })),
  };
  const file = join(outDir, 'flows.geojson');
  writeFileSync(file, JSON.stringify(fc));
  out.push({ file, features: flows.length });
  return out;
}
