import { defineConfig } from 'eslint/config'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default defineConfig(
  { ignores: ['out/**', 'node_modules/**', '.test-results/**', 'test/fixtures/layering/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  { files: ['**/*.vue'], languageOptions: { parserOptions: { parser: tseslint.parser } } },
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    rules: {
      // Type-only imports are erased, so the layer check and bundles see real edges only.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The simulation core is deterministic: no ambient randomness or clocks.
    files: ['main/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use a seeded stream from the run (main/sim is deterministic).',
        },
        { object: 'Date', property: 'now', message: 'Take time from the hooks the host passes (main/sim is pure).' },
        {
          object: 'performance',
          property: 'now',
          message: 'Take time from the hooks the host passes (main/sim is pure).',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'main/sim is pure: take time from the hooks the host passes.',
        },
      ],
    },
  },
  prettier,
)
