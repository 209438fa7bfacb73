import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');
let server: PreviewServer | undefined;

/** Builds the app (unless E2E_SKIP_BUILD=1 and dist/ exists) and serves dist/ on 127.0.0.1. */
export async function setup(project: TestProject) {
  const skipBuild = process.env.E2E_SKIP_BUILD === '1' && existsSync(resolve(repoRoot, 'dist/index.html'));
  // vitest sets NODE_ENV=test, which would make vite build React's development bundle and leave out the
  // service worker: build what users get
  if (!skipBuild) execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  server = await preview({ root: repoRoot, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
