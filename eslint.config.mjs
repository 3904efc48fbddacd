import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.aura/**', 'dist/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One module reads the environment (src/env); everything else imports `env` from it.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through `env` from `@/env`.' },
      ],
      // Next copies a module into several server chunks, so a class from one copy is not the class of
      // another: domain errors are recognised by their brand (src/server/errors.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='instanceof'][right.name=/^(AppError|ThrottledError|ToolError|HunkError)$/]",
          message: 'Use the brand guard (isAppError, isThrottledError, isToolError, isHunkError): `instanceof` fails across server chunks.',
        },
      ],
    },
  },
  {
    files: ['src/env/**', 'src/test/setup-env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
]);
