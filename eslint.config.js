const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'devTools/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // bot/ is the product's own logic: no SDK, shell or database driver below bot/app (the Teams
    // layer), bot/main.ts and bot/worker.ts (the composition roots).
    files: ['bot/**/*.ts'],
    ignores: ['bot/app/**', 'bot/main.ts', 'bot/worker.ts', 'bot/tools/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'botbuilder*',
                '@microsoft/*',
                'restify',
                'node-powershell',
                'better-sqlite3',
                'node:child_process',
                'child_process',
              ],
              message: 'bot/ core imports no SDK, shell or database driver',
            },
            { group: ['../adapters/*', '../../adapters/*'], message: 'bot/ core never imports adapters' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Scripts the browser tier loads into a page: the browser's globals, not Node's.
    files: ['tests/support/in-page/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', getComputedStyle: 'readonly', Node: 'readonly' },
    },
  },
);
