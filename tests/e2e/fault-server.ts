/**
 * A static server for the built app that injects faults into data files (issue 12), on 127.0.0.1.
 * The app is served under `/s/<scenario>/` (its paths are relative), so each scenario is its own
 * origin path and service-worker scope:
 *   ok                    no fault
 *   missing-minerals      minerals.columns.bin answers 404
 *   truncated-chargers    chargers.columns.bin stops at half its length
 *   random-battery        battery-plants.columns.bin is random bytes of the right length
 *   slow-chargers         chargers.columns.bin trickles in over about 10 s
 *   other-build-manifest  manifest.json from another data build: other date, other length and checksum for chargers
 *   format-manifest       manifest.json of another format version
 * Serves a private copy of dist/ (taken at start), so a concurrent build cannot pull files away.
 */
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.bin': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

export interface FaultServer {
  url(scenario: string): string;
  /** request paths (scenario-relative) seen, in order */
  requests: string[];
  close(): Promise<void>;
}

export async function startFaultServer(distDir = resolve(import.meta.dirname, '../../dist')): Promise<FaultServer> {
  const root = mkdtempSync(join(tmpdir(), 'atlas-fault-dist-'));
  cpSync(distDir, root, { recursive: true });
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/s\/([a-z-]+)(\/.*)$/.exec(url.pathname);
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const scenario = match[1]!;
    let path = decodeURIComponent(match[2]!);
    if (path.endsWith('/')) path += 'index.html';
    requests.push(`${scenario}${path}`);
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (path === '/sw.js') headers['service-worker-allowed'] = `/s/${scenario}/`;
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (scenario === 'missing-minerals' && name === 'minerals.columns.bin') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (scenario === 'truncated-chargers' && name === 'chargers.columns.bin') body = body.subarray(0, body.length >> 1);
    if (scenario === 'random-battery' && name === 'battery-plants.columns.bin') body = randomBytes(body.length);
    if (name === 'manifest.json' && (scenario === 'other-build-manifest' || scenario === 'format-manifest')) {
      const manifest = JSON.parse(body.toString('utf8')) as {
        formatVersion: number;
        generatedAt: string;
        layers: { chargers: { files: { bytes: Record<string, number>; sha256?: Record<string, string> } } };
      };
      if (scenario === 'format-manifest') manifest.formatVersion = 99;
      else {
        manifest.generatedAt = '2025-06-30T12:00:00.000Z';
        manifest.layers.chargers.files.bytes['chargers.columns.bin']! += 4096;
        if (manifest.layers.chargers.files.sha256) manifest.layers.chargers.files.sha256['chargers.columns.bin'] = '0'.repeat(64);
      }
      body = Buffer.from(JSON.stringify(manifest));
    }
    if (scenario === 'slow-chargers' && name === 'chargers.columns.bin') {
      // about 10 s: 40 slices, one every 250 ms
      response.writeHead(200, { ...headers, 'content-length': String(body.length) });
      const slice = Math.ceil(body.length / 40);
      let offset = 0;
      const timer = setInterval(() => {
        if (response.destroyed) return clearInterval(timer);
        response.write(body.subarray(offset, offset + slice));
        offset += slice;
        if (offset >= body.length) {
          clearInterval(timer);
          response.end();
        }
      }, 250);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(body.length) });
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fault server has no port');
  return {
    url: (scenario) => `http://127.0.0.1:${address.port}/s/${scenario}/`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
