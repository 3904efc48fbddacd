import { expect, test } from '@playwright/test';

// Run by .ci/canary with its own config, never by `npm test`: this test must fail in the real
// browser, and Playwright must then exit non-zero.
test('a deliberately failing browser test', async ({ page }) => {
  await page.setContent('<h1>canary</h1>');
  await expect(page.getByRole('heading')).toHaveText('not the canary', { timeout: 1_000 });
});
