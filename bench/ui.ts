/**
 * bench/ui: the workspace page in headless Chromium, on a warm production server.
 *
 *   npm run build && npm run bench:ui            (starts `next start` on port 3300 itself)
 *   npm run bench:ui -- --url http://127.0.0.1:3200   (measures a server that is already running)
 *
 * Signs up, creates a React project and waits for its setup (a real npm install), opens
 * src/App.tsx once so the tab is restored on every load, warms the server up, then loads the
 * workspace RUNS times, each in a fresh browser context (cold browser cache, warm server), and
 * prints the medians of:
 *   - editor ready: navigation start → Monaco showing App.tsx;
 *   - terminal prompt: navigation start → the terminal showing its prompt;
 * and the JavaScript sizes: the route's first-load scripts (from the page's HTML) and what loads
 * lazily after (Monaco, xterm, the editor's workers). Prints figures; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';

const RUNS = 5;
const PORT = 3300;
const SETUP_TIMEOUT_MS = 5 * 60_000;
const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] };
const VIEWPORT = { width: 1440, height: 900 };

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function startServer(): Promise<{ base: string; server: ChildProcess | null }> {
  const url = argument('--url');
  if (url) return { base: url.replace(/\/$/, ''), server: null };
  const base = `http://127.0.0.1:${PORT}`;
  // `npm start`: the launcher starts the embedded database (AURA_DATA_DIR) and serves the existing production build.
  const server = spawn('npm', ['start', '--', '--port', String(PORT)], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const started = Date.now(); Date.now() - started < 120_000; await sleep(500)) {
    if (server.exitCode !== null) throw new Error('The server exited; is there a production build (npm run build)?');
    const ready = await fetch(`${base}/api/ready`).then((response) => response.ok, () => false);
    if (ready) return { base, server };
  }
  throw new Error('The server did not become ready within 2 minutes.');
}

async function stopServer(server: ChildProcess | null) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000)]);
}

/** A user with a set-up React project whose App.tsx tab is open; returns the signed-in state. */
async function prepare(browser: Browser, base: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const id = Date.now().toString(36);
  await page.goto(`${base}/sign-up`);
  await page.getByLabel('Email').fill(`bench-ui-${id}@example.com`);
  await page.getByLabel('Username').fill(`bench_ui_${id}`);
  await page.getByLabel('Password').fill('bench passphrase that is long enough');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-up'));
  const projectId = await page.evaluate(async (name) => {
    const response = await fetch('/api/projects/create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, framework: 'react' }) });
    if (response.status !== 201) throw new Error(`project create answered ${response.status}`);
    return ((await response.json()) as { project: { id: string } }).project.id;
  }, `bench-${id}`);
  process.stdout.write('waiting for the project setup (npm install)…\n');
  await page.goto(`${base}/projects/${projectId}`);
  await page.getByRole('region', { name: 'Editor' }).waitFor({ timeout: SETUP_TIMEOUT_MS });
  await page.getByRole('tree', { name: 'Project files' }).getByRole('treeitem', { name: 'App.tsx' }).click();
  await page.locator('.monaco-editor').getByText('function App').first().waitFor({ timeout: 60_000 });
  await sleep(2_000); // the tab reaches the editor session
  const state = await context.storageState();
  await context.close();
  return { projectId, state };
}

interface Run {
  editorReady: number;
  terminalPrompt: number;
  scripts: string[];
  firstLoad: string[];
}

async function measure(browser: Browser, base: string, projectId: string, state: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: state });
  const scripts = new Set<string>();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  const page = await context.newPage();
  const response = await page.goto(`${base}/projects/${projectId}`);
  const html = (await response?.text()) ?? '';
  const firstLoad = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => new URL(match[1]!, base).pathname);
  const editorReady = await page
    // Monaco renders spaces as no-break spaces.
    .waitForFunction(() => (document.querySelector('.monaco-editor .view-lines')?.textContent?.replace(/\s/g, ' ').includes('function App') ? performance.now() : 0), null, { timeout: 60_000, polling: 'raf' })
    .then((handle) => handle.jsonValue());
  const terminalPrompt = await page
    .waitForFunction(() => (document.querySelector('[role=tabpanel][id^="terminal-"]:not([hidden]) .xterm-rows')?.textContent?.includes('$') ? performance.now() : 0), null, { timeout: 60_000, polling: 'raf' })
    .then((handle) => handle.jsonValue());
  await sleep(1_500); // let the workers load, for the size figures
  await context.close();
  return { editorReady, terminalPrompt, scripts: [...scripts], firstLoad: [...new Set(firstLoad)] };
}

async function sizes(base: string, paths: string[]) {
  const files = await Promise.all(
    paths.map(async (path) => {
      const body = Buffer.from(await (await fetch(base + path)).arrayBuffer());
      return { path, raw: body.byteLength, gzip: gzipSync(body).byteLength, monaco: body.includes('MonacoEnvironment') || body.includes('monaco-editor') };
    }),
  );
  return { files, raw: files.reduce((sum, file) => sum + file.raw, 0), gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
}

async function main() {
  const { base, server } = await startServer();
  const browser = await chromium.launch(CHROMIUM);
  try {
    const { projectId, state } = await prepare(browser, base);
    await measure(browser, base, projectId, state); // warm-up: compiled routes, connection pools, the sandbox
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, base, projectId, state));

    const last = runs.at(-1)!;
    const firstLoad = await sizes(base, last.firstLoad);
    // What the route adds to the app's shell: its first-load scripts minus those a public page loads too.
    const signIn = await (await fetch(`${base}/sign-in`)).text();
    const shell = new Set([...signIn.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => new URL(match[1]!, base).pathname));
    const own = await sizes(base, last.firstLoad.filter((path) => !shell.has(path)));
    const lazy = await sizes(base, last.scripts.filter((path) => !last.firstLoad.includes(path)));
    const monaco = lazy.files.filter((file) => file.monaco).sort((a, b) => b.raw - a.raw)[0];
    const largest = [...lazy.files].sort((a, b) => b.raw - a.raw).slice(0, 3);

    console.log(`\nbench/ui: the workspace (${base}), median of ${RUNS} loads, each in a fresh browser context`);
    console.log(`  editor ready (Monaco showing App.tsx)  ${ms(median(runs.map((run) => run.editorReady)))}   runs: ${runs.map((run) => ms(run.editorReady)).join(', ')}`);
    console.log(`  terminal prompt                        ${ms(median(runs.map((run) => run.terminalPrompt)))}   runs: ${runs.map((run) => ms(run.terminalPrompt)).join(', ')}`);
    console.log(`  first-load JS of /projects/[id]        ${kib(firstLoad.raw)} (${kib(firstLoad.gzip)} gzip) in ${firstLoad.files.length} scripts`);
    console.log(`    of which not loaded by /sign-in      ${kib(own.raw)} (${kib(own.gzip)} gzip) in ${own.files.length} scripts`);
    console.log(`  loaded lazily after (editor, terminal, workers)  ${kib(lazy.raw)} (${kib(lazy.gzip)} gzip) in ${lazy.files.length} scripts`);
    if (monaco) console.log(`  Monaco chunk                           ${kib(monaco.raw)} (${kib(monaco.gzip)} gzip)  ${monaco.path}`);
    console.log(`  largest lazy files                     ${largest.map((file) => `${file.path.split('/').at(-1)} ${kib(file.raw)}`).join(', ')}`);
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
