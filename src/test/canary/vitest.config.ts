import path from 'node:path';
import { defineConfig } from 'vitest/config';
import base from '../../../vitest.config';

// The real config (global setup with the embedded database, setup files, pool) with only the
// canary included, so whatever the real suite loads at start is in play when the exit code is read.
export default defineConfig({
  ...base,
  root: path.resolve(import.meta.dirname, '../../..'),
  test: { ...base.test, include: ['src/test/canary/*.canary.ts'] },
});
