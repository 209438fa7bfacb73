/** Node-side access to the built data (public/data) for story validation: the build check and the unit test. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AtlasManifest, FlowRecord, PointDatasetId, StateRecord } from '../../src/data/atlas-format.ts';
import { chunkIndexOfId, decodeColumns, detailChunksOf, type LayerColumns } from '../../src/data/atlas-data.ts';
import { computeLayerMask } from '../../src/filters/layer-mask.ts';
import { computeFlowMask } from '../../src/filters/flow-filter.ts';
import { layerSpec } from '../../src/map/layers/index.ts';
import type { StoryDataAccess } from '../../src/stories/validate-story.ts';

export const DATA_DIR = resolve(import.meta.dirname, '../../public/data');

export function builtDataAvailable(): boolean {
  return existsSync(resolve(DATA_DIR, 'manifest.json'));
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(resolve(DATA_DIR, file), 'utf8')) as T;
}

export function loadStoryData(): StoryDataAccess {
  const manifest = readJson<AtlasManifest>('manifest.json');
  const columns = new Map<string, LayerColumns>();
  const columnsOf = (dataset: PointDatasetId): LayerColumns => {
    let data = columns.get(dataset);
    if (!data) {
      const entry = manifest.layers[dataset]!;
      const bytes = readFileSync(resolve(DATA_DIR, entry.files.columns!));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      data = decodeColumns(dataset, buffer, entry.columns!);
      columns.set(dataset, data);
    }
    return data;
  };
  const flows = readJson<FlowRecord[]>(manifest.layers.flows?.files.flows ?? 'flows.json');
  const states = readJson<StateRecord[]>(manifest.auxiliary?.states?.files.data ?? 'states.json');
  const details = new Map<string, Set<string>>();
  const idsInChunk = (file: string): Set<string> => {
    let ids = details.get(file);
    if (!ids) {
      ids = new Set(readJson<{ id: string }[]>(file).map((record) => record.id));
      details.set(file, ids);
    }
    return ids;
  };
  return {
    sourceIds: new Set(Object.keys(manifest.sources)),
    featureExists(id) {
      if (id.startsWith('states:')) return states.some((state) => state.code === id.slice('states:'.length));
      if (id.startsWith('flows:')) return flows.some((flow) => flow.id === id);
      const dataset = id.slice(0, id.indexOf(':')) as PointDatasetId;
      if (!manifest.layers[dataset] || dataset === ('flows' as string)) return false;
      const chunks = detailChunksOf(manifest, dataset);
      const index = chunkIndexOfId(chunks, id);
      return index >= 0 && idsInChunk(chunks[index]!.file).has(id);
    },
    count(state, layer, inStates) {
      const spec = layerSpec(layer);
      if (!spec) return NaN;
      const input = { countries: state.countries, filters: state.filters };
      if (spec.kind === 'flows') {
        const mask = computeFlowMask(flows, input, spec.filters);
        return flows.filter((flow, i) => mask[i] === 1 && (!inStates || [flow.from.state, flow.to.state].some((code) => code && inStates.includes(code)))).length;
      }
      const data = columnsOf(spec.dataset);
      const mask = computeLayerMask(data, input, spec.filters, spec.where);
      const stateColumn = data.columns.state;
      const stateCodes = stateColumn?.spec.categories ?? [];
      let count = 0;
      for (let row = 0; row < mask.length; row++) {
        if (mask[row] !== 1) continue;
        if (inStates && !inStates.includes(stateCodes[stateColumn!.values[row]!] ?? '')) continue;
        count++;
      }
      return count;
    },
    population: (code) => states.find((state) => state.code === code)?.population ?? undefined,
  };
}
