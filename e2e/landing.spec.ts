import { expect, test } from '@playwright/test';

test('the landing page says what Aura is and switches theme', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Aura IDE');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Build web apps in your browser, with an agent that runs them.');
  for (const framework of ['React', 'Next.js', 'Svelte', 'Vue', 'Angular']) {
    await expect(page.getByRole('region', { name: 'Start from' }).getByText(framework, { exact: true })).toBeVisible();
  }

  // Cycle system → light → dark; the choice applies to the page and survives a reload.
  const toggle = page.getByRole('button', { name: /theme/i });
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(/light/);
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);

  await page.getByRole('link', { name: 'Get started' }).first().click();
  await expect(page.getByRole('heading', { name: 'Run it yourself in two commands' })).toBeInViewport();
});

test('/api/ready reports the database up and its migrations current', async ({ request }) => {
  const response = await request.get('/api/ready');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: 'ready',
    checks: { database: { up: true }, migrations: { current: true } },
  });
});

test('/api/health and tRPC answer; an unknown procedure is a typed 404', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  const health = await request.get('/api/trpc/system.health');
  expect(await health.json()).toMatchObject({ result: { data: { json: { status: 'ok' } } } });

  const missing = await request.get('/api/trpc/system.nope');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { json: { data: { code: 'NOT_FOUND' } } } });
});
