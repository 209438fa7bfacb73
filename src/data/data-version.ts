/**
 * Data versions (issue 12). No imports from the browser: vite.config.ts uses this module at build time
 * to name the service worker's precache entries exactly as the app requests them.
 *
 * - Every data file is requested as `data/<file>?v=<first 16 hex of its sha256>` (the manifest's
 *   files.sha256), so a new data build never mixes with cached old files: a changed file has a new
 *   URL, an unchanged one keeps its cached copy. Older manifests without checksums use the build id.
 * - The data build id is the manifest's `generatedAt` written compactly (`20261201T145300Z`); links
 *   record it (`data=`) so that a link opened on another build can say so.
 */

interface FilesWithChecksums {
  bytes: Record<string, number>;
  sha256?: Record<string, string>;
}

interface ManifestLike {
  generatedAt: string;
  layers: Record<string, { files: FilesWithChecksums }>;
  auxiliary?: Record<string, { files: FilesWithChecksums }>;
}

/** `2026-12-01T14:53:07.123Z` → `20261201T145307Z`; null when not an ISO date-time. */
export function dataBuildId(generatedAt: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(generatedAt);
  if (!match) return null;
  return `${match[1]}${match[2]}${match[3]}T${match[4]}${match[5]}${match[6]}Z`;
}

export const DATA_BUILD_ID = /^\d{8}T\d{6}Z$/;

/** `20261201T145307Z` → a Date, or null. */
export function dateOfBuildId(id: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(id);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The sha256 (hex) the manifest records for `file`, looking through every dataset. */
export function checksumOf(manifest: ManifestLike, file: string): string | undefined {
  for (const entry of [...Object.values(manifest.layers), ...Object.values(manifest.auxiliary ?? {})]) {
    const sum = entry?.files.sha256?.[file];
    if (sum) return sum;
  }
  return undefined;
}

/** The byte length the manifest records for `file`. */
export function bytesOf(manifest: ManifestLike, file: string): number | undefined {
  for (const entry of [...Object.values(manifest.layers), ...Object.values(manifest.auxiliary ?? {})]) {
    const bytes = entry?.files.bytes?.[file];
    if (bytes !== undefined) return bytes;
  }
  return undefined;
}

/** `<file>?v=<version>`: the content hash when the manifest has one, else the data build id. */
export function versionedDataFile(manifest: ManifestLike, file: string): string {
  const sum = checksumOf(manifest, file);
  const version = sum ? sum.slice(0, 16) : (dataBuildId(manifest.generatedAt) ?? 'unversioned');
  return `${file}?v=${version}`;
}

/** Every data file a manifest lists (columns, details chunks, flows, auxiliary files) with its length. */
export function dataFilesOf(manifest: ManifestLike): { file: string; bytes: number }[] {
  const files = new Map<string, number>();
  for (const entry of [...Object.values(manifest.layers), ...Object.values(manifest.auxiliary ?? {})]) {
    for (const [file, bytes] of Object.entries(entry?.files.bytes ?? {})) files.set(file, bytes);
  }
  return [...files].map(([file, bytes]) => ({ file, bytes }));
}

/** Render-critical files: precached by the service worker (the rest is cached as used, or on request). */
export function isRenderCritical(file: string): boolean {
  return file.endsWith('.columns.bin') || file === 'flows.json' || file === 'states.json';
}
