import { expect, test } from 'vitest';

// Run by .ci/canary with its own config, never by `npm test`: this test must fail, and the runner
// must then exit non-zero. If it exits 0, no red unit test can stop a landing.
test('a deliberately failing test', () => {
  expect(1).toBe(2);
});
