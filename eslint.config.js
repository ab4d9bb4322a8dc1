import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', '**/*.generated.json'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only the background touches the database: the content script, the UI and the pure libraries
    // reach the store through lib/messaging (Dark Reader's rule, here as no-restricted-imports).
    files: ['entrypoints/content/**', 'entrypoints/popup/**', 'entrypoints/options/**', 'components/**', 'lib/match/**', 'lib/extract/**', 'lib/pack/**', 'lib/settings/**', 'lib/messaging/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/lib/store', '**/lib/store/**', '@/lib/store', '@/lib/store/**', '../store', '../store/**'], message: 'Only the background opens the store; send a message (lib/messaging).' },
            { group: ['dexie'], message: 'Only lib/store uses Dexie.' },
          ],
        },
      ],
    },
  },
);
