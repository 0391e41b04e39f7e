// ESLint flat config: typescript-eslint, Lit and Lit a11y recommended; Prettier owns the formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      '.cache/',
      'test-results/',
      'playwright-report/',
      'examples/**/.next/',
      'examples/nextjs/next-env.d.ts',
      // Generated from api/*.json by `npm run gen:api`.
      'src/api/schema.ts',
      'demo/sandbox/checkouts-schema.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    rules: {
      // As tsc's noUnusedLocals/noUnusedParameters: `_`-prefixed parameters and the siblings of a rest are kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
  },
  prettier,
);
