import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

// The suite's browser settings and reporter, without its web servers: the canary needs no app,
// only the runner's exit code.
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.canary.ts',
  webServer: undefined,
});
