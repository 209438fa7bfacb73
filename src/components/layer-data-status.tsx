/**
 * What the legend says about a layer's data file (issue 12): bytes received while it loads, and when it
 * cannot be used, a plain reason in the user's language and a Retry button. Every other layer keeps working.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { POINT_DATASET_IDS, type AtlasManifest } from '../data/atlas-format.ts';
import { columnsQuery, useFlows, useManifest } from '../data/queries.ts';
import { DEFAULT_STALL_TIMEOUT_MS, DataUnavailableError, purgeCachedCopies, type ByteProgress, type DataProblem } from '../data/integrity.ts';
import { useLoadProgress } from '../data/load-progress.ts';
import type { LayerSpec } from '../map/layer-spec.ts';
import { useAtlasStore } from '../state/store.ts';
import type { Language } from '../state/atlas-state.ts';
import { formatNumber } from './format.ts';
import '../styles/offline.css';

export type LayerDataState =
  | { kind: 'ready' }
  | { kind: 'loading'; file: string | undefined; progress: ByteProgress | undefined }
  | { kind: 'error'; file: string; problem: DataProblem; status: number | undefined; manifestLevel: boolean; retrying: boolean; retry: () => Promise<void> };

/** `1.3 MB`, `640 KB`, `512 B` (decimal units, as browsers and file managers show them). */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes >= 1_000_000) return `${formatNumber(bytes / 1_000_000, language, 1)} MB`;
  if (bytes >= 1_000) return `${formatNumber(bytes / 1_000, language, 0)} KB`;
  return `${formatNumber(bytes, language, 0)} B`;
}

function dataFileOf(manifest: AtlasManifest | undefined, spec: LayerSpec): string | undefined {
  const files = manifest?.layers[spec.dataset]?.files;
  return spec.dataset === 'flows' ? files?.flows : files?.columns;
}

function problemOf(error: Error): { problem: DataProblem; status: number | undefined; file: string | undefined } {
  if (error instanceof DataUnavailableError) return { problem: error.problem, status: error.status, file: error.file };
  return { problem: 'damaged', status: undefined, file: undefined };
}

/** The state of the data file a layer draws: its columns (point layers) or flows.json. */
export function useLayerDataState(spec: LayerSpec): LayerDataState {
  const manifestQuery = useManifest();
  const manifest = manifestQuery.data;
  const isFlows = spec.dataset === 'flows';
  const pointDataset = spec.dataset === 'flows' ? POINT_DATASET_IDS[0] : spec.dataset;
  const columns = useQuery({ ...columnsQuery(manifest, pointDataset), enabled: !!manifest && !isFlows });
  const flows = useFlows(isFlows);
  const query = isFlows ? flows : columns;
  const file = dataFileOf(manifest, spec);
  const progress = useLoadProgress((s) => (file ? s[file] : s['manifest.json']));
  const [retrying, setRetrying] = useState(false);
  if (manifestQuery.isError) {
    const { problem, status } = problemOf(manifestQuery.error);
    const retry = async () => {
      setRetrying(true);
      if (problem === 'damaged' || problem === 'version') await purgeCachedCopies('manifest.json');
      await manifestQuery.refetch();
      setRetrying(false);
    };
    return { kind: 'error', file: 'manifest.json', problem, status, manifestLevel: true, retrying: retrying || manifestQuery.isFetching, retry };
  }
  if (query.isError && file) {
    const { problem, status } = problemOf(query.error);
    const retry = async () => {
      setRetrying(true);
      if (problem === 'damaged' || problem === 'version') await purgeCachedCopies(file);
      await query.refetch();
      setRetrying(false);
    };
    return { kind: 'error', file, problem, status, manifestLevel: false, retrying: retrying || query.isFetching, retry };
  }
  if (query.isSuccess) return { kind: 'ready' };
  return { kind: 'loading', file, progress };
}

/** "loading… 640 KB of 1.3 MB" while bytes arrive, else undefined (the legend's plain "loading…"). */
export function loadingBytesText(t: TFunction, language: Language, state: LayerDataState): string | undefined {
  if (state.kind !== 'loading' || !state.progress) return undefined;
  const loaded = formatBytes(state.progress.loaded, language);
  return state.progress.total
    ? t('dataFile.loadingBytes', { loaded, total: formatBytes(state.progress.total, language) })
    : t('dataFile.loadingBytesUnknown', { loaded });
}

export function problemSentence(t: TFunction, state: Extract<LayerDataState, { kind: 'error' }>): string {
  if (state.manifestLevel && state.problem === 'version') return t('dataFile.manifestVersion');
  return t(`dataFile.problem.${state.problem}`, { file: state.file, status: state.status ?? '', seconds: Math.round(DEFAULT_STALL_TIMEOUT_MS / 1000) });
}

/** Shown in place of the count when the layer's data cannot be used. */
export function LayerUnavailable({ layer }: { layer: string }) {
  const { t } = useTranslation();
  return (
    <span className="layer-count">
      <span data-testid={`count-${layer}`} data-unavailable="true" className="count-value gap">
        {t('dataFile.unavailable')}
      </span>
    </span>
  );
}

/** The reason and a Retry button, under the layer's name. */
export function LayerDataProblem({ layer, state }: { layer: string; state: LayerDataState }) {
  const { t } = useTranslation();
  if (state.kind !== 'error') return null;
  return (
    <div className="layer-problem" role="alert" data-testid={`layer-problem-${layer}`} data-problem={state.problem}>
      <p>{problemSentence(t, state)}</p>
      {!state.manifestLevel && <p className="legend-note">{t('dataFile.othersWork')}</p>}
      <button type="button" className="button secondary" disabled={state.retrying} onClick={() => void state.retry()}>
        {state.retrying ? t('dataFile.retrying') : t('dataFile.retry')}
      </button>
    </div>
  );
}

/** Bytes received so far for a layer, for the legend's count while it loads. */
export function useLoadingBytesText(state: LayerDataState): string | undefined {
  const { t } = useTranslation();
  const language = useAtlasStore((s) => s.language);
  return loadingBytesText(t, language, state);
}
