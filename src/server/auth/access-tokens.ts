import { hkdfSync, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { env } from '@/env';
import { AppError } from '@/server/errors';

export const ACCESS_TOKEN_ISSUER = 'aura';
export const ACCESS_TOKEN_AUDIENCE = 'aura-api';
/** RFC 9068's type for access tokens: a token of another kind (an ID token, say) is refused. */
const ACCESS_TOKEN_TYPE = 'at+jwt';
const ALGORITHM = 'HS256';

let cachedKey: Uint8Array | undefined;

/** JWT_SECRET, or a key derived from AUTH_SECRET so that one secret is enough to run Aura. */
export function accessTokenKey(): Uint8Array {
  cachedKey ??= env.JWT_SECRET
    ? new TextEncoder().encode(env.JWT_SECRET)
    : new Uint8Array(hkdfSync('sha256', env.AUTH_SECRET, 'aura', 'aura access tokens v1', 32));
  return cachedKey;
}

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

export async function issueAccessToken(claims: AccessTokenClaims, options: { key?: Uint8Array; lifetimeMs?: number } = {}): Promise<string> {
  const lifetimeSeconds = Math.round((options.lifetimeMs ?? env.JWT_EXPIRY) / 1000);
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TOKEN_TYPE })
    .setSubject(claims.userId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .setJti(randomUUID())
    .sign(options.key ?? accessTokenKey());
}

/**
 * Checks signature, algorithm (HS256 only: `none` and asymmetric confusions are refused), issuer,
 * audience, type and expiry. The caller still checks that the session is active.
 */
export async function verifyAccessToken(token: string, options: { key?: Uint8Array } = {}): Promise<AccessTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, options.key ?? accessTokenKey(), {
      algorithms: [ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ['sub', 'exp', 'sid'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new errors.JWTInvalid('bad claims');
    return { userId: payload.sub, sessionId: payload.sid };
  } catch (error) {
    const expired = error instanceof errors.JWTExpired;
    throw new AppError('UNAUTHORIZED', expired ? 'The access token has expired. Refresh it.' : 'The access token is not valid.', { cause: error });
  }
}
