import { z } from 'zod';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// NIST 800-63B / ASVS V6: length is the rule; no composition rules, no truncation.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_RECOMMENDED_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

/** Counts Unicode code points, so an emoji or an accented letter is one character as the user sees it. */
const characterCount = (value: string) => [...value].length;

/**
 * A password's length rule, for forms and procedures. The blocklist lives server-side in
 * `checkPasswordRules` so the browser does not download it. Never trims: spaces are characters.
 */
export const passwordSchema = z.string().superRefine((value, ctx) => {
  const length = characterCount(value);
  if (length < PASSWORD_MIN_LENGTH) {
    ctx.addIssue({
      code: 'too_small',
      origin: 'string',
      minimum: PASSWORD_MIN_LENGTH,
      inclusive: true,
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  } else if (length > PASSWORD_MAX_LENGTH) {
    ctx.addIssue({
      code: 'too_big',
      origin: 'string',
      maximum: PASSWORD_MAX_LENGTH,
      inclusive: true,
      message: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }
});

/** Who the password belongs to: a password must not be one of these (NIST "context-specific words"). */
export interface PasswordContext {
  email?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
}

/** The user's identifiers, including the email's local part; also the `userInputs` for the strength meter. */
export function passwordContextWords({ email, username, firstName, lastName }: PasswordContext): string[] {
  const at = email?.lastIndexOf('@') ?? -1;
  const localPart = at > 0 ? email?.slice(0, at) : undefined;
  return [email, localPart, username, firstName, lastName].filter((word): word is string => Boolean(word));
}

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  warning?: string;
  suggestions: string[];
}

const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/**
 * The lowest zxcvbn score a new password may have. The meter calls score 0 "Very weak", and the
 * server refuses exactly that (`checkPasswordRules`), so the two never disagree.
 */
export const MIN_PASSWORD_SCORE = 1;

type ZxcvbnModules = [typeof import('@zxcvbn-ts/core'), typeof import('@zxcvbn-ts/language-common'), typeof import('@zxcvbn-ts/language-en')];

/** One zxcvbn configuration for the meter (browser) and the policy (server). */
export function createZxcvbn([core, common, en]: ZxcvbnModules): ZxcvbnFactory {
  return new core.ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
}

/** How guessable a password is, with the meter's label and zxcvbn's advice. */
export function strengthOf(zxcvbn: ZxcvbnFactory, password: string, userInputs: string[] = []): PasswordStrength {
  const result = zxcvbn.check(password, userInputs);
  const suggestions = [...result.feedback.suggestions];
  if (characterCount(password) < PASSWORD_RECOMMENDED_LENGTH) {
    suggestions.unshift(
      `Use ${PASSWORD_RECOMMENDED_LENGTH} or more characters: a few unrelated words are long and easy to remember.`,
    );
  }
  return {
    score: result.score,
    label: STRENGTH_LABELS[result.score],
    warning: result.feedback.warning || undefined,
    suggestions,
  };
}

// The dictionaries are ~1.5 MB of JS, so the browser loads them on first use rather than with the sign-up page.
let zxcvbn: Promise<ZxcvbnFactory> | undefined;

function loadZxcvbn(): Promise<ZxcvbnFactory> {
  zxcvbn ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(createZxcvbn, (error: unknown) => {
    // A chunk that failed to download (flaky network) should be retried on the next keystroke.
    zxcvbn = undefined;
    throw error;
  });
  return zxcvbn;
}

/**
 * Estimates how guessable a password is, for the strength meter. `userInputs` are the user's
 * identifiers (see `passwordContextWords`); passwords built from them score low. The server applies
 * the same estimate (MIN_PASSWORD_SCORE) along with its blocklist.
 */
export async function estimatePasswordStrength(password: string, userInputs: string[] = []): Promise<PasswordStrength> {
  return strengthOf(await loadZxcvbn(), password, userInputs);
}
