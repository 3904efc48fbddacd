import { expect, test, type Page } from '@playwright/test';
import { signUp } from './helpers';

/** Setup runs a real `npm install` in a local sandbox. */
const SETUP_TIMEOUT = 4 * 60_000;

/** A new account lands on the dashboard, empty at first. */
async function signUpToDashboard(page: Page): Promise<string> {
  const id = await signUp(page, 'projects');
  await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  return id;
}

test('create a React + shadcn/ui + TypeScript + Tailwind project in the wizard, see it set up and ready, and delete another', async ({ page }) => {
  test.setTimeout(SETUP_TIMEOUT + 2 * 60_000);
  const id = await signUpToDashboard(page);
  const name = `Storefront ${id}`;

  await test.step('the wizard starts on the default framework from the preferences', async () => {
    await page.goto('/settings');
    await page.getByLabel('Default framework').selectOption('vue');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByText('Preferences saved.')).toBeVisible();
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: 'New project' }).first().click();
    await expect(page.getByRole('heading', { name: 'Choose a framework' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /^Vue / })).toBeChecked();
  });

  await test.step('UI libraries are filtered to the framework; unavailable ones are disabled with their reason', async () => {
    await page.getByRole('radio', { name: /^Svelte / }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Pick a UI library' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /^Smelte/ })).toBeDisabled();
    await expect(page.getByText('Smelte is abandoned', { exact: false })).toBeVisible();
    await expect(page.getByRole('radio', { name: /^shadcn\/ui/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('radio', { name: /^React / }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('radio', { name: /^None/ })).toBeChecked();
    await page.getByRole('radio', { name: /^shadcn\/ui/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  });

  await test.step('options: shadcn/ui turns Tailwind on; dependencies are checked as they are typed', async () => {
    await expect(page.getByRole('heading', { name: 'Name and configure it' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'TypeScript' })).toBeChecked();
    await expect(page.getByRole('switch', { name: 'Tailwind CSS' })).toBeChecked();
    await expect(page.getByRole('switch', { name: 'Tailwind CSS' })).toBeDisabled();

    // Continuing without a name is refused next to the field, which gets the focus.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Give the project a name.')).toBeVisible();
    await expect(page.getByLabel('Project name')).toBeFocused();

    const dependencies = page.getByLabel('Extra dependencies');
    await dependencies.fill('Left Pad!');
    await expect(page.getByText('Use a registry package name', { exact: false })).toBeVisible();
    await expect(dependencies).toHaveAttribute('aria-invalid', 'true');
    await dependencies.fill('zod@^4');
    await expect(dependencies).not.toHaveAttribute('aria-invalid', 'true');
    await dependencies.press('Enter');
    await expect(page.getByRole('button', { name: 'Remove zod@^4' })).toBeVisible();

    await page.getByLabel('Project name').fill(name);
    await page.getByLabel('Description (optional)').fill('A shop front on shadcn/ui');
    await page.getByRole('button', { name: 'Continue' }).click();
  });

  await test.step('review, then create', async () => {
    await expect(page.getByRole('heading', { name: 'Review and create' })).toBeVisible();
    const review = page.getByRole('main');
    await expect(review.getByText('shadcn/ui', { exact: true })).toBeVisible();
    await expect(review.getByText('zod@^4')).toBeVisible();
    await expect(review.getByText(name)).toBeVisible();
    await page.getByRole('button', { name: 'Create project' }).click();
  });

  await test.step('the setup streams its steps and logs until the project is ready', async () => {
    await expect(page.getByRole('heading', { name: `Setting up ${name}` })).toBeVisible();
    await expect(page).toHaveURL(/\/projects\/new\?project=[0-9a-f-]{36}$/);
    const install = page.getByTestId('setup-step-install');
    await expect(install).toHaveAttribute('data-status', /in_progress|completed/, { timeout: 60_000 });
    await expect(page.getByRole('link', { name: 'Open workspace' })).toBeVisible({ timeout: SETUP_TIMEOUT });
    await expect(page.getByRole('heading', { name: `${name} is ready` })).toBeVisible();
    for (const step of ['provision', 'write_files', 'install', 'start_dev_server', 'ready']) {
      await expect(page.getByTestId(`setup-step-${step}`)).toHaveAttribute('data-status', 'completed');
    }
    await install.getByRole('button', { name: /Show log/ }).click();
    await expect(page.getByRole('region', { name: 'Install dependencies log' }).or(page.getByLabel('Install dependencies log'))).toContainText('npm install');
    const projectId = new URL(page.url()).searchParams.get('project');
    await expect(page.getByRole('link', { name: 'Open workspace' })).toHaveAttribute('href', `/projects/${projectId}`);
  });

  await test.step('the dashboard lists it as ready, and another project can be deleted', async () => {
    // A second project, made through the API, to delete from the dashboard.
    const created = await page.evaluate(async () => {
      const response = await fetch('/api/projects/create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Scratch pad', framework: 'react', configuration: { typescript: false } }),
      });
      return response.status;
    });
    expect(created).toBeLessThan(300);

    await page.getByRole('link', { name: 'All projects' }).click();
    await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible();
    const cards = page.getByRole('list', { name: 'Projects' }).getByRole('listitem');
    const storefront = cards.filter({ hasText: name });
    const scratch = cards.filter({ hasText: 'Scratch pad' });
    await expect(storefront.getByTestId('project-status')).toHaveText('Ready');
    await expect(storefront.getByRole('link', { name })).toHaveAttribute('href', /^\/projects\/[0-9a-f-]{36}$/);
    await expect(scratch).toHaveCount(1);

    // Search narrows the list.
    await page.getByLabel('Search projects').fill('scratch');
    await expect(storefront).toHaveCount(0);
    await expect(scratch).toHaveCount(1);
    await page.getByLabel('Search projects').fill('');
    await expect(storefront).toHaveCount(1);

    // Cancelling keeps it; confirming deletes it.
    await scratch.getByRole('button', { name: 'Delete Scratch pad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Scratch pad”?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(scratch).toHaveCount(1);

    await scratch.getByRole('button', { name: 'Delete Scratch pad' }).click();
    await dialog.getByRole('button', { name: 'Delete project' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted “Scratch pad”.' })).toBeVisible();
    await expect(scratch).toHaveCount(0);
    await expect(storefront).toHaveCount(1);
    await page.reload();
    await expect(storefront.getByTestId('project-status')).toHaveText('Ready');
    await expect(scratch).toHaveCount(0);
  });
});

test('signed out, the dashboard and the wizard send you to sign in', async ({ page }) => {
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/projects/new');
  await expect(page).toHaveURL(/\/sign-in$/);
});
