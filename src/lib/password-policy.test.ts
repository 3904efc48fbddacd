import { describe, expect, it } from 'vitest';
import { estimatePasswordStrength, passwordContextWords, passwordSchema } from './password-policy';

const messagesFor = (password: string) => passwordSchema.safeParse(password).error?.issues.map((i) => i.message);

describe('passwordSchema', () => {
  it('accepts 8 characters and rejects 7 with a clear message', () => {
    expect(passwordSchema.safeParse('tangents').success).toBe(true);
    expect(messagesFor('tangent')).toEqual(['Use at least 8 characters.']);
  });

  it('accepts 64- and 200-character passwords and rejects more than 256', () => {
    expect(passwordSchema.safeParse('x'.repeat(64)).success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(200)).success).toBe(true);
    expect(passwordSchema.safeParse('x'.repeat(256)).success).toBe(true);
    expect(messagesFor('x'.repeat(257))).toEqual(['Use at most 256 characters.']);
  });

  it('counts emoji and other astral characters as one character each', () => {
    // Each 🔑 is two UTF-16 units, so counting `.length` would get both of these wrong.
    expect(passwordSchema.safeParse('🔑'.repeat(8)).success).toBe(true);
    expect(messagesFor('🔑'.repeat(7))).toEqual(['Use at least 8 characters.']);
    expect(passwordSchema.safeParse('🔑'.repeat(256)).success).toBe(true);
  });

  it('keeps leading and trailing spaces as part of the password', () => {
    expect(passwordSchema.parse('  secret  ')).toBe('  secret  ');
    expect(passwordSchema.safeParse(' secret ').success).toBe(true);
  });

  it('has no composition rules: lowercase letters alone are enough', () => {
    expect(passwordSchema.safeParse('fjordquiltbramblezenith').success).toBe(true);
  });
});

describe('passwordContextWords', () => {
  it("includes the email's local part so the meter recognises it", () => {
    expect(passwordContextWords({ email: 'ada.l@example.com', username: 'ada' })).toEqual([
      'ada.l@example.com',
      'ada.l',
      'ada',
    ]);
  });
});

describe('estimatePasswordStrength', () => {
  it('rates password123 very weak and a long random passphrase very strong', async () => {
    const weak = await estimatePasswordStrength('password123');
    expect(weak).toMatchObject({ score: 0, label: 'Very weak' });
    expect(weak.warning).toBeTruthy();

    const strong = await estimatePasswordStrength('marble-sunrise-tractor-velvet');
    expect(strong).toMatchObject({ score: 4, label: 'Very strong', suggestions: [] });
  });

  it("scores a password lower when it contains the user's email", async () => {
    const email = 'alice.walker@example.org';
    const password = `${email}!`;
    const stranger = await estimatePasswordStrength(password);
    const owner = await estimatePasswordStrength(password, passwordContextWords({ email }));
    expect(owner.score).toBeLessThanOrEqual(1);
    expect(owner.score).toBeLessThan(stranger.score);
  });

  it('recommends 15 or more characters only for shorter passwords', async () => {
    const recommendation = expect.stringContaining('15 or more characters');
    expect((await estimatePasswordStrength('qx7!vbn2#lmp')).suggestions).toContainEqual(recommendation);
    expect((await estimatePasswordStrength('qx7!vbn2#lmp&zr9w')).suggestions).not.toContainEqual(recommendation);
  });
});
