import { expect, test } from '@playwright/test';

test('sign up, sign out, sign in, and the chosen theme is kept across reloads', async ({ page }) => {
  const id = Date.now().toString(36);
  const email = `e2e-${id}@example.com`;
  const password = 'violet harbour lantern 42';

  await page.goto('/');
  await page.getByRole('link', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Username').fill(`e2e_${id}`);
  await page.getByLabel('First name').fill('Edsger');
  await page.getByLabel('Password').fill('password1');
  await expect(page.getByTestId('password-strength')).toContainText(/weak/i);
  await page.getByRole('button', { name: 'Create account' }).click();
  // The shared schema accepts its length; the server's blocklist refuses it, next to the field.
  await expect(page.getByText('This password is too common', { exact: false })).toBeVisible();

  await page.getByLabel('Password').fill(password);
  await expect(page.getByTestId('password-strength')).toContainText(/strong/i);
  await page.getByRole('button', { name: 'Create account' }).click();
  // A new account lands on its (empty) projects; the account menu leads to the settings.
  await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible();
  await page.getByRole('button', { name: `e2e_${id}` }).click();
  await page.getByRole('menuitem', { name: 'Profile and settings' }).click();
  await expect(page.getByRole('heading', { name: 'Profile and settings' })).toBeVisible();
  await expect(page.getByText(`Signed in as e2e_${id}`)).toBeVisible();

  // HttpOnly and SameSite=Lax. Secure (with the __Secure- prefix) only over HTTPS: this is plain HTTP.
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('authjs.session-token'));
  expect(session).toMatchObject({ name: 'authjs.session-token', httpOnly: true, sameSite: 'Lax', secure: false });

  // Sign out from the user menu.
  await page.getByRole('button', { name: `e2e_${id}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // A wrong password is refused without saying whether the account exists.
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('Email or password is incorrect.');

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible();
  await page.getByRole('button', { name: `e2e_${id}` }).click();
  await page.getByRole('menuitem', { name: 'Profile and settings' }).click();
  await expect(page.getByRole('heading', { name: 'Profile and settings' })).toBeVisible();

  // Choose the dark theme in preferences: it applies at once and survives a reload.
  await page.getByLabel('Theme', { exact: true }).selectOption('dark');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByText('Preferences saved.')).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('dark');

  // The preference belongs to the account, not the browser: a fresh browser gets it at sign-in.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);

  // This browser's session is listed as the current one.
  await expect(page.getByText('This device')).toBeVisible();
});

test('CORS: a listed origin may call the API, another origin is refused', async ({ request }) => {
  const preflight = (origin: string) =>
    request.fetch('/api/auth/login', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
  const allowed = await preflight('http://tools.aura.test');
  expect(allowed.status()).toBe(204);
  expect(allowed.headers()['access-control-allow-origin']).toBe('http://tools.aura.test');
  expect(allowed.headers()['access-control-allow-credentials']).toBeUndefined();
  expect((await preflight('https://evil.example')).status()).toBe(403);

  const health = await request.get('/api/health', { headers: { origin: 'http://tools.aura.test' } });
  expect(health.headers()['access-control-allow-origin']).toBe('http://tools.aura.test');
});
