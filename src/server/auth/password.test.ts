import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import * as argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { estimatePasswordStrength, MIN_PASSWORD_SCORE, passwordContextWords } from '@/lib/password-policy';
import { checkPasswordRules, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password';

const PASSPHRASE = 'marble-sunrise-tractor-velvet';

async function averageMs(run: () => Promise<unknown>, times: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < times; i++) await run();
  return (performance.now() - start) / times;
}

describe('hashPassword / verifyPassword', () => {
  it('stores argon2id with OWASP parameters m=19456, t=2, p=1 and a fresh salt', async () => {
    const hash = await hashPassword(PASSPHRASE);
    // PHC: $argon2id$v=19$m=19456,p=1,t=2$<salt>$<digest>; argon2 0.45 writes the parameters in m,p,t order.
    const [empty, variant, version, params = '', salt, digest] = hash.split('$');
    expect([empty, variant, version]).toEqual(['', 'argon2id', 'v=19']);
    expect(Object.fromEntries(params.split(',').map((pair) => pair.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
    expect(salt).toMatch(/^[A-Za-z0-9+/]{22}$/);
    expect(digest).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(await hashPassword(PASSPHRASE)).not.toBe(hash);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword(PASSPHRASE);
    expect(await verifyPassword(hash, PASSPHRASE)).toBe(true);
    expect(await verifyPassword(hash, 'marble-sunrise-tractor-velvet!')).toBe(false);
    expect(await verifyPassword(hash, 'Marble-sunrise-tractor-velvet')).toBe(false);
  });

  it('does not truncate: passwords that differ only after byte 72 do not match', async () => {
    const prefix = 'a'.repeat(72); // bcrypt ignores everything past here
    const hash = await hashPassword(`${prefix}-first`);
    expect(await verifyPassword(hash, `${prefix}-first`)).toBe(true);
    expect(await verifyPassword(hash, `${prefix}-other`)).toBe(false);
  });

  it('accepts é typed as one code point or as e + combining accent', async () => {
    const hash = await hashPassword('caf\u00e9-au-lait-morning');
    expect(await verifyPassword(hash, 'cafe\u0301-au-lait-morning')).toBe(true);
  });

  it('returns false instead of throwing for a malformed hash', async () => {
    const malformed = ['', 'not-a-hash', '$argon2id$v=19$m=19456,t=2,p=1$garbage', '$2b$10$abcdefghijklmnopqrstuv'];
    for (const hash of malformed) {
      await expect(verifyPassword(hash, PASSPHRASE)).resolves.toBe(false);
    }
  });

  // Timing tests retry: on a busy 2-core box the four pool threads can starve the main thread for a
  // moment, while a real regression (hashing on the event loop, or a dummy that skips the work) fails every try.
  it('hashes off the event loop, so concurrent sign-ups do not stall other requests', { retry: 2 }, async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // The monitor drops its first tick, so a block straight after enable() would go unseen; and a
    // block at the end only shows once the next tick runs.
    await sleep(25);
    await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`${PASSPHRASE}-${i}`)));
    await sleep(25);
    delay.disable();
    expect(delay.count).toBeGreaterThan(4);
    expect(delay.percentile(99) / 1e6).toBeLessThan(50);
  });
});

describe('verifyAgainstDummy', () => {
  it('always fails, and takes as long as verifying a real account', { retry: 2 }, async () => {
    const hash = await hashPassword(PASSPHRASE);
    await expect(verifyAgainstDummy(PASSPHRASE)).resolves.toBe(false);
    await expect(verifyAgainstDummy('not-a-real-account-password')).resolves.toBe(false);

    const dummyMs = await averageMs(() => verifyAgainstDummy(PASSPHRASE), 5);
    const realMs = await averageMs(() => verifyPassword(hash, PASSPHRASE), 5);
    expect(dummyMs / realMs).toBeGreaterThan(1 / 3);
    expect(dummyMs / realMs).toBeLessThan(3);
  });
});

describe('needsRehash', () => {
  it('asks to upgrade hashes weaker than the current parameters, and only those', async () => {
    expect(needsRehash(await hashPassword(PASSPHRASE))).toBe(false);
    const weaker = await argon2.hash(PASSPHRASE, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(needsRehash(weaker)).toBe(true);
    const argon2i = await argon2.hash(PASSPHRASE, { type: argon2.argon2i, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(needsRehash(argon2i)).toBe(true);
    const stronger = await argon2.hash(PASSPHRASE, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    expect(needsRehash(stronger)).toBe(false);
  });
});

describe('checkPasswordRules', () => {
  const user = { email: 'ada.lovelace@example.com', username: 'countess1815' };

  it('reports length problems with their messages', () => {
    expect(checkPasswordRules('short1!', user)).toEqual([{ code: 'too_short', message: 'Use at least 8 characters.' }]);
    expect(checkPasswordRules('x'.repeat(257), user)).toEqual([
      { code: 'too_long', message: 'Use at most 256 characters.' },
    ]);
  });

  it('rejects commonly used passwords, whatever their case', () => {
    const common = dictionary['passwords-common'];
    for (const password of ['password1', 'qwertyuiop', 'iloveyou', 'trustno1']) {
      const rank = common.indexOf(password);
      expect(rank, password).toBeGreaterThanOrEqual(0);
      expect(rank, password).toBeLessThan(20_000);
      expect(checkPasswordRules(password, user).map((p) => p.code)).toEqual(['common']);
      expect(checkPasswordRules(password.toUpperCase(), user).map((p) => p.code)).toEqual(['common']);
    }
    expect(checkPasswordRules('iloveyou', user)[0]?.message).toBe(
      'This password is too common. Choose something less guessable.',
    );
  });

  it("rejects the user's email, its local part or the username, whatever their case", () => {
    for (const password of ['ada.lovelace@example.com', 'Ada.Lovelace', 'COUNTESS1815']) {
      expect(checkPasswordRules(password, user).map((p) => p.code)).toEqual(['contains_identity']);
    }
  });

  it('refuses what the strength meter calls "Very weak", with the meter’s own advice', async () => {
    for (const password of ['password1password1', 'abcdefghijkl', 'aaaaaaaaaaaa']) {
      expect((await estimatePasswordStrength(password, passwordContextWords(user))).label, password).toBe('Very weak');
      const problems = checkPasswordRules(password, user);
      expect(problems.map((p) => p.code), password).toEqual(['too_weak']);
      expect(problems[0]!.message).toMatch(/^This password is very weak\. .+ A few unrelated words work well\.$/);
    }
  });

  it('accepts whatever the meter rates above "Very weak"', async () => {
    for (const password of ['qwertyuiopasdf', 'Summer2024!', 'correcthorse']) {
      expect((await estimatePasswordStrength(password, passwordContextWords(user))).score, password).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
      expect(checkPasswordRules(password, user), password).toEqual([]);
    }
  });

  it('accepts a long random passphrase and lowercase-only words: no composition rules', () => {
    expect(checkPasswordRules(PASSPHRASE, user)).toEqual([]);
    expect(checkPasswordRules('fjordquiltbramblezenith', user)).toEqual([]);
    expect(checkPasswordRules('lovelace-engine-notes', user)).toEqual([]);
  });
});
