import { expect, type Page, type TestInfo } from '@playwright/test';

export const PASSWORD = 'violet harbour lantern 42';

/** Signs up a new account through the form; `prefix` keeps the test's users apart. Returns the id used in its names. */
export async function signUp(page: Page, prefix: string): Promise<string> {
  const id = Date.now().toString(36);
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(`${prefix}-${id}@example.com`);
  await page.getByLabel('Username').fill(`${prefix}_${id}`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).not.toHaveURL(/sign-up/);
  return id;
}

/** Creates a React project from the page, so the request is same-origin and carries the session cookie. */
export async function createReactProject(page: Page, name: string): Promise<string> {
  const created = await page.evaluate(async (projectName) => {
    const response = await fetch('/api/projects/create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: projectName, framework: 'react' }) });
    return { status: response.status, body: (await response.json()) as { project?: { id: string } } };
  }, name);
  expect(created.status).toBe(201);
  return created.body.project!.id;
}

/** `shot(name)` saves a numbered screenshot of the page and attaches it to the test's report. */
export function screenshots(page: Page, testInfo: TestInfo) {
  let step = 0;
  return async (name: string) => {
    const path = testInfo.outputPath(`${String(++step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };
}
