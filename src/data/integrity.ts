/**
 * Fetching a data file and checking what arrives (issue 12): the HTTP status, the byte length and the
 * sha256 the manifest records (files.bytes, files.sha256), with progress in bytes while the body
 * streams and a timeout when no byte arrives for a while. Every failure is a DataUnavailableError
 * with a `problem` the legend can name in both languages; nothing waits forever.
 */

/**
 * Why a file could not be used:
 * - 'not-found': HTTP 404/410 (the file is missing on the server)
 * - 'damaged': truncated, corrupt (checksum), or unreadable (decode/parse failed)
 * - 'version': a whole, readable file that is not the one this manifest describes (another data
 *   build), or a manifest of another format version
 * - 'timeout': no byte arrived for `stallTimeoutMs`
 * - 'offline': the request failed (no connection, server unreachable)
 * - 'http': any other HTTP error
 */
export type DataProblem = 'not-found' | 'damaged' | 'version' | 'timeout' | 'offline' | 'http';

export class DataUnavailableError extends Error {
  constructor(
    message: string,
    public readonly status?: number,
    public readonly problem: DataProblem = status === 404 || status === 410 ? 'not-found' : status === undefined ? 'damaged' : 'http',
    /** the data file concerned (manifest-relative name), when there is one */
    public readonly file?: string,
  ) {
    super(message);
    this.name = 'DataUnavailableError';
  }
}

/** What the manifest says a file should be. Either may be absent (older manifests have no sha256). */
export interface ExpectedFile {
  bytes?: number;
  sha256?: string;
}

export interface ByteProgress {
  loaded: number;
  /** expected length (from the manifest, else Content-Length when not compressed), when known */
  total: number | undefined;
}

export interface VerifiedFetchOptions {
  expected?: ExpectedFile;
  onProgress?: (progress: ByteProgress) => void;
  /** give up when no byte arrived for this long (default 30 s) */
  stallTimeoutMs?: number;
  cache?: RequestCache;
  fetchImpl?: typeof fetch;
}

export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** A mismatch between the bytes received and the manifest, or null when they agree. */
export interface Mismatch {
  kind: 'length' | 'checksum';
  received: number;
  expected: number | undefined;
}

/** Lowercase hex sha256 of `bytes`, or null where Web Crypto is unavailable (a page not in a secure context). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Compares received bytes with the manifest: length first (cheap), then the checksum. */
export async function checkBytes(bytes: Uint8Array, expected: ExpectedFile | undefined): Promise<Mismatch | null> {
  if (!expected) return null;
  if (expected.bytes !== undefined && bytes.byteLength !== expected.bytes) return { kind: 'length', received: bytes.byteLength, expected: expected.bytes };
  if (expected.sha256) {
    const actual = await sha256Hex(bytes);
    if (actual !== null && actual !== expected.sha256.toLowerCase()) return { kind: 'checksum', received: bytes.byteLength, expected: expected.bytes };
  }
  return null;
}

/**
 * The problem a mismatch stands for, given whether the bytes could still be read as a file of this
 * kind: a whole, readable file of another length is another data build's; anything else (shorter and
 * unreadable, same length but another checksum, unreadable) is damaged or incomplete.
 */
export function problemOfMismatch(mismatch: Mismatch, readable: boolean): DataProblem {
  return mismatch.kind === 'length' && readable ? 'version' : 'damaged';
}

export function mismatchMessage(file: string, mismatch: Mismatch): string {
  return mismatch.kind === 'length'
    ? `${file}: received ${mismatch.received} bytes, the manifest says ${mismatch.expected}`
    : `${file}: checksum does not match the manifest (${mismatch.received} bytes)`;
}

class StallTimeout extends Error {}

/**
 * Fetches `url` and returns its bytes, reporting progress as the body streams. Throws
 * DataUnavailableError: not-found (404/410), http (other statuses), offline (the request failed),
 * timeout (no byte for `stallTimeoutMs`), damaged (length or checksum differ from `expected`; the
 * caller may re-classify a readable file of another length as 'version' with problemOfMismatch).
 * The mismatch is attached to the error so callers can do that.
 */
export async function fetchVerifiedBytes(url: string, file: string, options: VerifiedFetchOptions = {}): Promise<Uint8Array> {
  const { expected, onProgress, stallTimeoutMs = DEFAULT_STALL_TIMEOUT_MS, cache, fetchImpl = fetch } = options;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stalled = false;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort(new StallTimeout());
    }, stallTimeoutMs);
  };
  const timeoutError = () => new DataUnavailableError(`${file}: no data received for ${Math.round(stallTimeoutMs / 1000)} s`, undefined, 'timeout', file);
  arm();
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, { signal: controller.signal, ...(cache ? { cache } : {}) });
    } catch (error) {
      if (stalled) throw timeoutError();
      throw new DataUnavailableError(`${file}: ${error instanceof Error ? error.message : String(error)}`, undefined, 'offline', file);
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new DataUnavailableError(`${file}: HTTP ${response.status}`, response.status, undefined, file);
    }
    const encoded = response.headers.get('content-encoding');
    const declared = Number(response.headers.get('content-length'));
    const total = expected?.bytes ?? (!encoded && Number.isFinite(declared) && declared > 0 ? declared : undefined);
    let bytes: Uint8Array;
    try {
      bytes = await readBody(response, (loaded) => {
        arm();
        onProgress?.({ loaded, total });
      });
    } catch (error) {
      if (stalled) throw timeoutError();
      throw new DataUnavailableError(`${file}: the download broke off (${error instanceof Error ? error.message : String(error)})`, undefined, 'damaged', file);
    }
    if (timer !== undefined) clearTimeout(timer);
    const mismatch = await checkBytes(bytes, expected);
    if (mismatch) throw new IntegrityError(file, mismatch, bytes);
    return bytes;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** A received file that does not match the manifest; `bytes` lets the caller see whether it is still readable. */
export class IntegrityError extends DataUnavailableError {
  constructor(
    file: string,
    public readonly mismatch: Mismatch,
    public readonly bytes: Uint8Array,
  ) {
    super(mismatchMessage(file, mismatch), undefined, 'damaged', file);
    this.name = 'IntegrityError';
  }
}

async function readBody(response: Response, onChunk: (loaded: number) => void): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onChunk(bytes.byteLength);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onChunk(loaded);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Parses bytes with `read`; a received file that did not match the manifest is re-classified: readable
 * and of another length = another data build ('version'), otherwise damaged. A parse failure of a
 * matching file is damaged too.
 */
export async function readVerified<T>(fetchBytes: () => Promise<Uint8Array>, file: string, read: (bytes: Uint8Array) => T): Promise<T> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes();
  } catch (error) {
    if (!(error instanceof IntegrityError)) throw error;
    let readable: boolean;
    try {
      read(error.bytes);
      readable = true;
    } catch {
      readable = false;
    }
    const problem = problemOfMismatch(error.mismatch, readable);
    throw new DataUnavailableError(error.message, undefined, problem, file);
  }
  try {
    return read(bytes);
  } catch (error) {
    if (error instanceof DataUnavailableError) throw error;
    throw new DataUnavailableError(`${file}: ${error instanceof Error ? error.message : String(error)}`, undefined, 'damaged', file);
  }
}

/** Decodes UTF-8 JSON, throwing on invalid UTF-8 or JSON. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/**
 * Removes every cached copy of a data file (Cache Storage, used by the service worker) so a retry
 * after a damaged file goes back to the network instead of the same broken copy.
 */
export async function purgeCachedCopies(file: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const path = `/data/${file}`;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname.endsWith(path)) await cache.delete(request);
      }
    }
  } catch {
    // Cache Storage may be unavailable (private mode); the retry still goes ahead
  }
}
