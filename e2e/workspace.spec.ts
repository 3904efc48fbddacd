import { expect, test, type Page } from '@playwright/test';
import { createReactProject, screenshots, signUp } from './helpers';

/**
 * The workspace, end to end: a real React project set up in a local sandbox (a real `npm install`),
 * edited in Monaco, driven from an xterm, previewed in the iframe, and reloaded. Each step saves a
 * screenshot as an artifact.
 */

const SETUP_TIMEOUT = 4 * 60_000;
const HEADING = 'Hello from the Aura e2e test';

const visibleTerminal = (page: Page) => page.locator('[role=tabpanel][id^="terminal-"]:not([hidden]) .xterm');

test('the workspace: edit and save, terminal, live file tree, preview, and reloads that keep it all', async ({ page }, testInfo) => {
  test.setTimeout(9 * 60_000);
  const shot = screenshots(page, testInfo);

  // 1. Sign up.
  await signUp(page, 'ws');
  await shot('signed-up');

  // 2. Create a React project and wait for its setup (a real install) to finish.
  const projectId = await createReactProject(page, `e2e-react-${Date.now().toString(36)}`);
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^e2e-react-/ })).toBeVisible();
  await shot('setup-running');
  const editor = page.getByRole('region', { name: 'Editor' });
  await expect(editor).toBeVisible({ timeout: SETUP_TIMEOUT });
  await expect(page.getByTestId('connection-state')).toHaveText('Connected', { timeout: 30_000 });
  await expect(page.getByTestId('sandbox-state')).toContainText('running', { timeout: 60_000 });
  await shot('ready');

  // 3. Open src/App.tsx from the tree, edit it (an unsaved marker shows), save with Ctrl+S.
  const tree = page.getByRole('tree', { name: 'Project files' });
  await tree.getByRole('treeitem', { name: 'App.tsx' }).click();
  const monaco = editor.locator('.monaco-editor');
  await expect(monaco).toContainText('function App', { timeout: 60_000 });
  await expect(page.getByTestId('language')).toHaveText('TypeScript JSX');
  await monaco.locator('.view-lines').click();
  // Find the heading, select its line and type a new one.
  await page.keyboard.press('ControlOrMeta+f');
  await page.keyboard.type('<h1>');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(`<h1>${HEADING}</h1>`);
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await expect(page.getByTestId('cursor-position')).toContainText('Ln ');
  await shot('edited-unsaved');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0, { timeout: 15_000 });
  await shot('saved');

  // 4. Reload: the tab comes back with the change.
  await page.waitForTimeout(1_500); // the open tabs reach the editor session shortly after a change
  await page.reload();
  await expect(editor.locator('.monaco-editor')).toContainText(HEADING, { timeout: 60_000 });
  await expect(page.getByRole('tab', { name: 'App.tsx', selected: true })).toBeVisible();
  await shot('reloaded-change-kept');

  // 5. The terminal answers.
  const terminal = visibleTerminal(page);
  await expect(terminal).toContainText('$', { timeout: 60_000 });
  await terminal.click();
  await page.keyboard.type('echo $((6*7))\n');
  // The command line holds no "42"; only the shell's answer does.
  await expect(terminal.locator('.xterm-rows')).toContainText('42', { timeout: 20_000 });
  await shot('terminal-42');

  // 6. A file made in the terminal appears in the tree without a reload.
  await page.keyboard.type('touch made-in-the-terminal.txt\n');
  await expect(tree.getByRole('treeitem', { name: 'made-in-the-terminal.txt' })).toBeVisible({ timeout: 30_000 });
  // Dependencies are not stored, but the tree shows them (dimmed), read from the sandbox when opened.
  const dependencies = tree.getByRole('treeitem', { name: /^node_modules/ });
  await expect(dependencies).toBeVisible({ timeout: 30_000 });
  await dependencies.click();
  await expect(tree.getByRole('treeitem', { name: /^react-dom/ })).toBeVisible({ timeout: 15_000 });
  await dependencies.click();
  await shot('tree-live-update');

  // 7. The preview shows the running app, with the saved change.
  const preview = page.frameLocator('iframe[title="Preview of the running app"]');
  await expect(preview.locator('h1')).toHaveText(HEADING, { timeout: 90_000 });
  await shot('preview');

  // 8. Reload: the terminal still shows its earlier output (the scrollback is replayed).
  await page.reload();
  await expect(visibleTerminal(page).locator('.xterm-rows')).toContainText('42', { timeout: 60_000 });
  await expect(visibleTerminal(page).locator('.xterm-rows')).toContainText('made-in-the-terminal.txt');
  await shot('reloaded-terminal-scrollback');

  // The same workspace in the dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shot('dark-theme');
});
