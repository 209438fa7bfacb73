// ESLint flat config: typescript-eslint's recommended rules (not type-checked, to stay fast), React hooks rules,
// and eslint-config-prettier last so formatting is left to prettier. `npm run lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'bench/dist/', 'bench/results/', 'public/', 'coverage/', 'data/out/', 'data/cache/', 'tests/e2e/screenshots/'],
  },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names mark parameters and destructured siblings that are deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // Node scripts; the benchmark runner also passes functions to the browser (page.evaluate).
    files: ['data/**/*.{ts,mjs,js}', 'bench/**/*.{ts,mjs,js}', 'tests/**/*.{ts,tsx}', '*.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bench/**/*.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  prettier,
);
