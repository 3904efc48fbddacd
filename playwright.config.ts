import { defineConfig, devices } from '@playwright/test';

// Ports can be moved so two checkouts run their suites side by side; the test runner is not the app, so it reads its env directly.
// eslint-disable-next-line no-restricted-properties
const { E2E_PORT = '3100', E2E_LLM_PORT = '4555' } = process.env;
const PORT = Number(E2E_PORT);
const LLM_PORT = Number(E2E_LLM_PORT);
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests against a production build (`next build`, then `npm start` through the
 * launcher, on an embedded database of its own in .aura/e2e), in Debian's Chromium. The agent
 * talks to the fake OpenAI-compatible server (model `local:fake-model`).
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Root needs --no-sandbox; the rest keeps Chromium off a network this machine does not have.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: `node --import tsx src/test/fake-llm/serve.ts --port ${LLM_PORT} --delay 15`,
      url: `http://127.0.0.1:${LLM_PORT}/v1/models`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: `npm run build && npm start -- --port ${PORT} --hostname 127.0.0.1`,
      url: `${baseURL}/api/ready`,
      // Includes `next build`, which can take minutes on a busy 2-core machine.
      timeout: 600_000,
      reuseExistingServer: false,
      // AURA_TEST_INTROSPECTION: e2e/singletons.spec.ts compares the singletons a route and the worker hold.
      env: { AURA_DATA_DIR: '.aura/e2e', CORS_ORIGINS: 'http://tools.aura.test', OPENAI_BASE_URL: `http://127.0.0.1:${LLM_PORT}/v1`, OPENAI_COMPATIBLE_MODELS: 'fake-model', AURA_TEST_INTROSPECTION: '1' },
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    },
  ],
});
