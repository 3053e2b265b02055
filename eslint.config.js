import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // The examples' sources are linted; their build output and generated files are not.
  { ignores: ['dist', 'storybook-static', '.stryker-tmp', 'reports', 'node_modules', '.storybook/public/mockServiceWorker.js', 'test-results', 'examples/*/dist', 'examples/*/.next', 'examples/next-app/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests wait for a condition, never for a fixed time: a sleep passes on a fast machine without proving anything.
    files: ['test/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}', '.storybook/**/*.{ts,tsx}'],
    ignores: ['test/wait.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']",
          "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='ArrowFunctionExpression'][arguments.0.body.type='CallExpression'][arguments.0.body.arguments.length=0]",
          "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='ArrowFunctionExpression'][arguments.0.body.arguments.0.type='Identifier'][arguments.0.body.arguments.0.name='undefined']",
          "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='FunctionExpression']",
          "ImportDeclaration[source.value=/^(node:)?timers\\u002Fpromises$/]",
          "CallExpression[callee.property.name='waitForTimeout']",
        ].map((selector) => ({
          selector,
          message: 'No fixed sleeps in tests: await the condition (waitFor, vi.waitUntil, a recorded request). test/wait.ts holds the one allowed wait.',
        })),
      ],
    },
  },
  {
    // The framework-free core never touches React or the DOM.
    files: ['src/core/**/*.ts', 'src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', '@tanstack/*', '../react/*', '../index*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
)
