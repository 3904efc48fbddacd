import { expect, test, type Page } from '@playwright/test';
import { createReactProject, screenshots, signUp } from './helpers';

/**
 * The agent panel, end to end, against the fake OpenAI-compatible server the Playwright config
 * starts (model `local:fake-model`): a thread that writes a file (tool card with its diff, the file
 * live in the tree), a plain streamed answer, and the history restored after a reload. The agent
 * only needs the project's file store, so nothing here waits for the project's npm install.
 */

const FILE_MESSAGE = 'create notes/hello.md with Hello from the agent';
const PLAIN_MESSAGE = 'What does this project do?';

/** A new account's new React project, open in the workspace; the returned list collects uncaught page errors. */
async function openNewProject(page: Page): Promise<string[]> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  await signUp(page, 'agent');
  const projectId = await createReactProject(page, `e2e-agent-${Date.now().toString(36)}`);
  await page.goto(`/projects/${projectId}`);
  return pageErrors;
}

/** Opens the agent panel from the top bar unless it is open already. */
async function openAgentPanel(page: Page) {
  const toggle = page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Agent', exact: true });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const panel = page.getByRole('region', { name: 'Agent', exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

test('the agent panel: a thread that writes a file, a streamed answer, and history after a reload', async ({ page }, testInfo) => {
  test.setTimeout(5 * 60_000);
  const shot = screenshots(page, testInfo);
  const pageErrors = await openNewProject(page);
  await expect(page.getByRole('heading', { level: 1, name: /^e2e-agent-/ })).toBeVisible();
  await shot('workspace');

  // 1. The panel opens from the top bar; the model picker offers the configured fake model.
  const agent = await openAgentPanel(page);
  const newThread = agent.getByRole('form', { name: 'New thread' });
  await expect(newThread.getByLabel('Model')).toHaveValue('local:fake-model');
  await expect(newThread.getByLabel('Model').locator('option')).toContainText(['local:fake-model']);
  await newThread.getByLabel('Agent').selectOption('general');
  await shot('agent-panel');

  // 2. A new thread.
  await newThread.getByRole('button', { name: 'New thread' }).click();
  const composer = agent.getByRole('textbox', { name: 'Message the agent' });
  await expect(composer).toBeVisible();
  await shot('thread-created');

  // 3. A message that makes the agent write a file: the answer streams in, with a tool card and its diff.
  await composer.fill(FILE_MESSAGE);
  await composer.press('Enter');
  const conversation = agent.getByRole('list', { name: 'Conversation' });
  await expect(conversation.getByText(FILE_MESSAGE)).toBeVisible();
  await expect(conversation.getByText('Done: created notes/hello.md.')).toBeVisible({ timeout: 60_000 });
  const card = conversation.getByRole('article', { name: 'Tool write_file notes/hello.md' });
  await expect(card).toBeVisible();
  await expect(card.getByLabel('Diff')).toContainText('+Hello from the agent');
  await expect(agent.getByRole('status')).toHaveText('The agent has answered.');
  await shot('file-written');

  // 4. The file shows up in the tree without a reload.
  const tree = page.getByRole('tree', { name: 'Project files' });
  const folder = tree.getByRole('treeitem', { name: 'notes' });
  await expect(folder).toBeVisible({ timeout: 30_000 });
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  await expect(tree.getByRole('treeitem', { name: 'hello.md' })).toBeVisible();
  await shot('file-in-tree');

  // 5. A plain message: its answer streams back word by word.
  await composer.fill(PLAIN_MESSAGE);
  await composer.press('Enter');
  await expect(conversation.getByText(`You said: ${PLAIN_MESSAGE}`)).toBeVisible({ timeout: 60_000 });
  await expect(agent.getByRole('status')).toHaveText('The agent has answered.');
  await expect(agent.getByLabel('Usage')).toContainText('Project:');
  await shot('streamed-answer');

  // 6. After a reload the thread is open again with its whole history, diff included.
  await page.reload();
  const reloaded = await openAgentPanel(page);
  const history = reloaded.getByRole('list', { name: 'Conversation' });
  await expect(history.getByText(FILE_MESSAGE)).toBeVisible({ timeout: 30_000 });
  await expect(history.getByText('Done: created notes/hello.md.')).toBeVisible();
  await expect(history.getByRole('article', { name: 'Tool write_file notes/hello.md' }).getByLabel('Diff')).toContainText('+Hello from the agent');
  await expect(history.getByText(PLAIN_MESSAGE, { exact: true })).toBeVisible();
  await expect(history.getByText(`You said: ${PLAIN_MESSAGE}`)).toBeVisible();
  await shot('history-after-reload');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shot('dark-theme');
  expect(pageErrors).toEqual([]);
});

test('the agent panel: approve a write, revert it, rename and delete the thread', async ({ page }, testInfo) => {
  test.setTimeout(5 * 60_000);
  const shot = screenshots(page, testInfo);
  const pageErrors = await openNewProject(page);
  const agent = await openAgentPanel(page);

  // 1. A thread that asks before it writes.
  const newThread = agent.getByRole('form', { name: 'New thread' });
  await newThread.getByLabel('Agent').selectOption('documentation');
  await newThread.getByLabel('Ask before writing files or running commands').check();
  await newThread.getByRole('button', { name: 'New thread' }).click();
  await expect(agent.getByLabel('Ask before changes')).toBeChecked();

  // 2. The proposed file is shown for approval; approving it writes the file.
  const composer = agent.getByRole('textbox', { name: 'Message the agent' });
  await composer.fill('create docs/plan.md with Step one');
  await composer.press('Enter');
  const approval = agent.getByRole('region', { name: 'Approval' });
  await expect(approval.getByText('The agent asks for approval')).toBeVisible({ timeout: 60_000 });
  await expect(approval.getByLabel('Diff')).toContainText('+Step one');
  await expect(agent.getByRole('status')).toHaveText('The agent is waiting for your approval.');
  await shot('approval-asked');
  await approval.getByRole('button', { name: 'Approve' }).click();
  const conversation = agent.getByRole('list', { name: 'Conversation' });
  await expect(conversation.getByText('Done: created docs/plan.md.')).toBeVisible({ timeout: 60_000 });
  await expect(approval.getByRole('heading', { name: 'Approved' })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Project files' });
  await expect(tree.getByRole('treeitem', { name: 'docs' })).toBeVisible({ timeout: 30_000 });
  await shot('approved');

  // 3. Reverting to before the message removes the file and the turn.
  await conversation.getByRole('button', { name: 'Revert to before this message' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revert to before this message?' });
  await confirm.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(agent.getByText('Ask the agent to explain, change or debug this project.')).toBeVisible({ timeout: 30_000 });
  await expect(tree.getByRole('treeitem', { name: 'docs' })).toHaveCount(0, { timeout: 30_000 });
  await shot('reverted');

  // 4. Back in the list: rename the thread, then delete it (after confirming).
  await agent.getByRole('button', { name: 'Back to threads' }).click();
  const threads = agent.getByRole('list', { name: 'Threads' });
  await threads.getByRole('button', { name: /^Rename / }).click();
  const rename = page.getByRole('dialog', { name: 'Rename thread' });
  await rename.getByLabel('Title').fill('Planning notes');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(threads.getByText('Planning notes')).toBeVisible();
  await shot('renamed');
  await threads.getByRole('button', { name: 'Delete Planning notes' }).click();
  await page.getByRole('dialog', { name: 'Delete this thread?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(agent.getByText('No threads yet.')).toBeVisible();
  await shot('deleted');
  expect(pageErrors).toEqual([]);
});
