import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built app (dist/) served on 127.0.0.1 and driven in Debian's Chromium. */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // one browser at a time: software WebGL on two cores
    fileParallelism: false,
    maxWorkers: 1,
  },
});
