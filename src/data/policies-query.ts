/** The `policies` auxiliary dataset (issue 15): national governance facts of both countries, loaded with the first policy view. */
import { useQuery } from '@tanstack/react-query';
import { POLICIES_DATASET_ID, type PoliciesFile, type PolicyFact } from './atlas-format.ts';
import { fetchDataFile } from './atlas-data.ts';
import { DataUnavailableError, parseJsonBytes, readVerified } from './integrity.ts';
import { useManifest } from './queries.ts';

/** Reads policies.json: only well-formed facts are kept (a fact is shown as text, never as HTML). */
export function parsePolicies(value: unknown, file = 'policies.json'): PolicyFact[] {
  const national = (value as Partial<PoliciesFile> | null)?.national;
  if (!Array.isArray(national)) throw new DataUnavailableError(`${file}: no list of national facts`, undefined, 'damaged', file);
  return national.filter(
    (fact): fact is PolicyFact =>
      !!fact && typeof fact === 'object' && typeof fact.id === 'string' && typeof fact.policy === 'string' && typeof fact.jurisdiction === 'string',
  );
}

/** National facts, or undefined while loading or when the build has none (older builds). */
export function useNationalPolicies(enabled = true) {
  const manifest = useManifest().data;
  const file = manifest?.auxiliary?.[POLICIES_DATASET_ID]?.files.data;
  return useQuery({
    queryKey: ['auxiliary', POLICIES_DATASET_ID, file],
    queryFn: () =>
      readVerified(
        () => fetchDataFile(manifest!, file!),
        file!,
        (bytes) => parsePolicies(parseJsonBytes(bytes), file),
      ),
    enabled: enabled && !!file && !!manifest,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}
