import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// node environment for tests/data and tests/unit (and everything else by default); jsdom for tests/component.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['tests/**/*.test.{ts,tsx}'],
            exclude: ['tests/component/**', 'tests/e2e/**', 'node_modules/**'],
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['tests/component/**/*.test.{ts,tsx}'],
            exclude: ['tests/e2e/**', 'node_modules/**'],
            setupFiles: ['tests/component/fixtures/load-languages.ts'],
          },
        },
      ],
    },
  }),
);
