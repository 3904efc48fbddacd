import type { TokenResponse } from '@/lib/schemas/auth';

/** How the client signs in: a password (token API login) or a refresh token kept from earlier. */
export type AuraCredentials = { email: string; password: string } | { refreshToken: string };

/** Refresh this long before the access token's `exp` (they last 15 minutes). */
const REFRESH_MARGIN_MS = 60_000;

/** Thrown when signing in or refreshing fails: `status` is the HTTP status, `body` Aura's error envelope. */
export class AuraAuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'AuraAuthError';
  }
}

/** The `exp` of a JWT, in ms; the client does not verify it (the server does). */
function expiryOf(jwt: string): number {
  const payload = jwt.split('.')[1];
  if (!payload) return 0;
  const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
  return (json.exp ?? 0) * 1000;
}

/**
 * The client's tokens: signs in on first use, refreshes before the access token expires (and
 * when the server answered 401), one request at a time however many calls wait for it.
 */
export function createTokenSession(options: { url: string; credentials: AuraCredentials; fetch: typeof fetch; onTokens?: (tokens: TokenResponse) => void }) {
  let current: { accessToken: string; refreshToken: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let refreshToken = 'refreshToken' in options.credentials ? options.credentials.refreshToken : undefined;

  async function post(path: string, body: unknown): Promise<TokenResponse> {
    const response = await options.fetch(`${options.url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json().catch(() => null)) as (TokenResponse & { error?: { message?: string } }) | null;
    if (!response.ok || !json?.accessToken) throw new AuraAuthError(json?.error?.message ?? `Aura answered ${response.status}.`, response.status, json);
    return json;
  }

  async function renew(): Promise<string> {
    let tokens: TokenResponse;
    try {
      if (!refreshToken) throw new AuraAuthError('Not signed in yet.', 401, null);
      tokens = await post('/auth/refresh', { refreshToken });
    } catch (error) {
      // A spent or expired refresh token: sign in again when a password was given.
      if (!('password' in options.credentials) || (error instanceof AuraAuthError && error.status === 429)) throw error;
      tokens = await post('/auth/login', { email: options.credentials.email, password: options.credentials.password });
    }
    refreshToken = tokens.refreshToken;
    current = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: expiryOf(tokens.accessToken) };
    options.onTokens?.(tokens);
    return tokens.accessToken;
  }

  return {
    /** A valid access token: the current one, or a fresh one when it is about to expire. */
    accessToken(): Promise<string> {
      if (current && current.expiresAt - Date.now() > REFRESH_MARGIN_MS) return Promise.resolve(current.accessToken);
      pending ??= renew().finally(() => (pending = undefined));
      return pending;
    },
    /** After a 401: the next call refreshes first. */
    invalidate(): void {
      current = undefined;
    },
    /** The refresh token to keep for next time (rotated on every refresh). */
    get refreshToken(): string | undefined {
      return refreshToken;
    },
  };
}
