/** Integrity checks of downloaded data files (issue 12): status, length, checksum, stalls, progress and the reason given. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkBytes, DataUnavailableError, fetchVerifiedBytes, problemOfMismatch, readVerified, sha256Hex, type ByteProgress } from '../../src/data/integrity.ts';
import { decodeColumnTable, encodeColumnTable } from '../../src/data/column-codec.ts';
import { dataBuildId, dateOfBuildId, versionedDataFile } from '../../src/data/data-version.ts';

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fetch answering with `body` in chunks of `chunk` bytes, `delayMs` apart (a never-ending body when `stall`). */
function fakeFetch(body: Uint8Array | null, options: { status?: number; chunk?: number; delayMs?: number; stall?: boolean; throws?: boolean } = {}): typeof fetch {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    if (options.throws) throw new TypeError('Failed to fetch');
    const signal = init?.signal;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (options.stall) {
          await new Promise<void>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'))));
          return;
        }
        if (options.delayMs) await new Promise((done) => setTimeout(done, options.delayMs));
        if (!body || offset >= body.byteLength) return controller.close();
        const end = Math.min(body.byteLength, offset + (options.chunk ?? body.byteLength));
        controller.enqueue(body.slice(offset, end));
        offset = end;
      },
    });
    return new Response(stream, { status: options.status ?? 200 });
  }) as typeof fetch;
}

const columns = encodeColumnTable([
  { name: 'position', kind: 'position', values: new Float32Array([-100, 30, -99, 19, -98, 20]) },
  { name: 'country', kind: 'category', values: new Uint8Array([1, 2, 2]), categories: ['unknown', 'US', 'MX'] },
]);
const file = columns.bytes;
const expected = { bytes: file.byteLength, sha256: hex(file) };
const decode = (bytes: Uint8Array) => decodeColumnTable(bytes.slice().buffer, columns.specs);

describe('checkBytes', () => {
  it('accepts the bytes the manifest describes, and a manifest without checksums', async () => {
    expect(await checkBytes(file, expected)).toBeNull();
    expect(await checkBytes(file, { bytes: file.byteLength })).toBeNull();
    expect(await checkBytes(file, undefined)).toBeNull();
  });
  it('reports a truncated file by its length and a corrupt one by its checksum', async () => {
    expect(await checkBytes(file.slice(0, 10), expected)).toEqual({ kind: 'length', received: 10, expected: file.byteLength });
    const corrupt = file.slice();
    corrupt[3] = corrupt[3]! ^ 0xff;
    expect(await checkBytes(corrupt, expected)).toMatchObject({ kind: 'checksum' });
  });
  it('computes the same sha256 as node', async () => {
    const bytes = randomBytes(100_000);
    expect(await sha256Hex(bytes)).toBe(hex(bytes));
  });
});

describe('fetchVerifiedBytes', () => {
  it('streams the body, reports progress in bytes against the manifest length, returns the bytes', async () => {
    const progress: ByteProgress[] = [];
    const bytes = await fetchVerifiedBytes('x', 'a.bin', { expected, fetchImpl: fakeFetch(file, { chunk: 8 }), onProgress: (p) => progress.push(p) });
    expect(Array.from(bytes)).toEqual(Array.from(file));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ loaded: file.byteLength, total: file.byteLength });
    expect(progress.map((p) => p.loaded)).toEqual([...progress.map((p) => p.loaded)].sort((a, b) => a - b));
  });
  it('names a 404 "not-found", another status "http", a failed request "offline"', async () => {
    await expect(fetchVerifiedBytes('x', 'a.bin', { fetchImpl: fakeFetch(null, { status: 404 }) })).rejects.toMatchObject({
      problem: 'not-found',
      status: 404,
      file: 'a.bin',
    });
    await expect(fetchVerifiedBytes('x', 'a.bin', { fetchImpl: fakeFetch(null, { status: 503 }) })).rejects.toMatchObject({ problem: 'http', status: 503 });
    await expect(fetchVerifiedBytes('x', 'a.bin', { fetchImpl: fakeFetch(null, { throws: true }) })).rejects.toMatchObject({ problem: 'offline' });
  });
  it('gives up with "timeout" when no byte arrives, instead of waiting forever', async () => {
    const started = Date.now();
    await expect(fetchVerifiedBytes('x', 'a.bin', { stallTimeoutMs: 80, fetchImpl: fakeFetch(file, { stall: true }) })).rejects.toMatchObject({ problem: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('does not time out a slow file that keeps sending bytes', async () => {
    const bytes = await fetchVerifiedBytes('x', 'a.bin', { expected, stallTimeoutMs: 150, fetchImpl: fakeFetch(file, { chunk: 4, delayMs: 30 }) });
    expect(bytes.byteLength).toBe(file.byteLength);
  });
});

describe('readVerified: the reason given for a file that does not match', () => {
  const read = (body: Uint8Array) =>
    readVerified(() => fetchVerifiedBytes('x', 'chargers.columns.bin', { expected, fetchImpl: fakeFetch(body) }), 'chargers.columns.bin', decode);

  it('reads a whole, matching file', async () => {
    expect((await read(file)).position!.values.length).toBe(6);
  });
  it('a truncated file is damaged (it cannot be decoded)', async () => {
    await expect(read(file.slice(0, file.byteLength >> 1))).rejects.toMatchObject({ problem: 'damaged' });
  });
  it('random bytes of the same length are damaged (checksum)', async () => {
    await expect(read(new Uint8Array(randomBytes(file.byteLength)))).rejects.toMatchObject({ problem: 'damaged' });
  });
  it('a readable file of another length is from another data build', async () => {
    const longer = new Uint8Array(file.byteLength + 16);
    longer.set(file);
    await expect(read(longer)).rejects.toMatchObject({ problem: 'version' });
  });
  it('a matching file that cannot be parsed is damaged, and errors are DataUnavailableErrors', async () => {
    const error = await readVerified(
      async () => new TextEncoder().encode('{"trunc'),
      'flows.json',
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as unknown,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataUnavailableError);
    expect(error).toMatchObject({ problem: 'damaged', file: 'flows.json' });
  });
  it('problemOfMismatch: only a readable file of another length is "version"', () => {
    expect(problemOfMismatch({ kind: 'length', received: 1, expected: 2 }, true)).toBe('version');
    expect(problemOfMismatch({ kind: 'length', received: 1, expected: 2 }, false)).toBe('damaged');
    expect(problemOfMismatch({ kind: 'checksum', received: 2, expected: 2 }, true)).toBe('damaged');
  });
});

describe('data versions', () => {
  const manifest = {
    generatedAt: '2026-12-01T14:53:07.123Z',
    layers: {
      chargers: { files: { bytes: { 'chargers.columns.bin': 10 }, sha256: { 'chargers.columns.bin': 'ab'.repeat(32) } } },
      flows: { files: { bytes: { 'flows.json': 5 } } },
    },
  };
  it('names a file by its content hash, or by the build id for manifests without checksums', () => {
    expect(versionedDataFile(manifest, 'chargers.columns.bin')).toBe(`chargers.columns.bin?v=${'ab'.repeat(8)}`);
    expect(versionedDataFile(manifest, 'flows.json')).toBe('flows.json?v=20261201T145307Z');
  });
  it('build ids round-trip to dates and reject anything else', () => {
    expect(dataBuildId(manifest.generatedAt)).toBe('20261201T145307Z');
    expect(dateOfBuildId('20261201T145307Z')?.toISOString()).toBe('2026-12-01T14:53:07.000Z');
    expect(dataBuildId('yesterday')).toBeNull();
    expect(dateOfBuildId('2026-12-01')).toBeNull();
  });
});
