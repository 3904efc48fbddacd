import 'server-only';
import * as argon2 from 'argon2';
import * as zxcvbnCore from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { createZxcvbn, MIN_PASSWORD_SCORE, passwordContextWords, passwordSchema, strengthOf, type PasswordContext } from '@/lib/password-policy';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). Raising these makes `needsRehash` upgrade
// each account's hash at its next login. argon2 hashes on libuv's thread pool, not the event loop,
// so a burst of logins queues behind UV_THREADPOOL_SIZE (default 4) without freezing other requests.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * NIST 800-63B asks verifiers to normalise Unicode before hashing, so "é" typed as one code point
 * on one keyboard and as "e" + accent on another is the same password.
 */
const normalize = (password: string) => password.normalize('NFKC');

/** Hashes a new password as an argon2id PHC string. The whole password is hashed: nothing is truncated. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalize(password), ARGON2_OPTIONS);
}

/** True when `password` matches `hash`; false for a wrong password or a hash that cannot be parsed. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, normalize(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends one verify's worth of time for a login whose account does not exist, so response times
 * do not reveal which emails have accounts. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * True when `hash` is weaker than what `hashPassword` makes now (another variant, an older version,
 * less memory or fewer passes), so the caller should re-hash the password it just verified.
 * argon2's own `needsRehash` is not used: it flags any *different* parameters (so would downgrade a
 * stronger hash) and ignores the variant.
 */
export function needsRehash(hash: string): boolean {
  // PHC string: $argon2id$v=19$m=19456,p=1,t=2$salt$digest (argon2 does not promise the order of m, p, t)
  const [, variant, version, params = ''] = hash.split('$');
  const param = (key: string) => Number(params.split(',').find((pair) => pair.startsWith(`${key}=`))?.slice(key.length + 1));
  return (
    variant !== 'argon2id' ||
    version !== 'v=19' ||
    !(param('m') >= ARGON2_OPTIONS.memoryCost) ||
    !(param('t') >= ARGON2_OPTIONS.timeCost)
  );
}

export interface PasswordProblem {
  code: 'too_short' | 'too_long' | 'common' | 'contains_identity' | 'too_weak';
  message: string;
}

// The top of the ranked list covers what attackers try first; the full ~49k list would also block
// many reasonable words.
const BLOCKLIST_SIZE = 20_000;
let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(zxcvbnCommon.dictionary['passwords-common'].slice(0, BLOCKLIST_SIZE));
  return commonPasswords.has(password);
}

/**
 * The rules a new password must pass at sign-up and password change: the length rule, then not a
 * commonly used password, not the user's own email, username or name, and not what the strength
 * meter calls "Very weak" (same zxcvbn estimate, same user inputs). [] when it is acceptable.
 */
export function checkPasswordRules(password: string, context: PasswordContext): PasswordProblem[] {
  const length = passwordSchema.safeParse(password);
  if (!length.success) {
    return length.error.issues.map((issue) => ({
      code: issue.code === 'too_big' ? 'too_long' : 'too_short',
      message: issue.message,
    }));
  }

  // Compared as it will be hashed, case-insensitively: "Password1" is as guessable as "password1".
  const candidate = normalize(password).toLowerCase();
  const problems: PasswordProblem[] = [];
  if (isCommon(candidate)) {
    problems.push({ code: 'common', message: 'This password is too common. Choose something less guessable.' });
  }
  if (passwordContextWords(context).some((word) => normalize(word).toLowerCase() === candidate)) {
    problems.push({
      code: 'contains_identity',
      message: 'Your password cannot be your email address, username or name.',
    });
  }
  if (problems.length === 0) {
    const strength = strengthOf((zxcvbn ??= createZxcvbn([zxcvbnCore, zxcvbnCommon, zxcvbnEn])), password, passwordContextWords(context));
    if (strength.score < MIN_PASSWORD_SCORE) {
      problems.push({ code: 'too_weak', message: `This password is very weak.${strength.warning ? ` ${strength.warning}` : ''} A few unrelated words work well.` });
    }
  }
  return problems;
}

// Built on first use: the dictionaries take a moment to index.
let zxcvbn: ReturnType<typeof createZxcvbn> | undefined;
