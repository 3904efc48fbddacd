import NextAuth, { CredentialsSignin, type NextAuthConfig, type User } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Discord from 'next-auth/providers/discord';
import GitHub from 'next-auth/providers/github';
import { headers } from 'next/headers';
import { env } from '@/env';
import { loginInput } from '@/lib/schemas/auth';
import { recordAudit } from '@/server/audit/record-audit';
import { getDb } from '@/server/db';
import { isAppError } from '@/server/errors';
import { createAuthSession, endSession, findActiveSessionUser, type SignInMethod } from '@/server/sessions/auth-sessions';
import { authenticate } from './authenticate';
import { signInWithOAuth, type OAuthProvider } from './oauth';
import { clientInfoFromHeaders, resolveRequestUser } from './request-user';
import { getThrottle } from './throttle-instance';

/** Codes the sign-in page turns into messages. */
export type SignInErrorCode = 'invalid_credentials' | 'rate_limited';

class SignInRefused extends CredentialsSignin {
  constructor(code: SignInErrorCode) {
    super();
    this.code = code;
  }
}

/** Which OAuth providers are configured; the sign-in page offers exactly these. */
export function configuredOAuthProviders(): OAuthProvider[] {
  return [
    ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? (['github'] as const) : []),
    ...(env.AUTH_DISCORD_ID && env.AUTH_DISCORD_SECRET ? (['discord'] as const) : []),
  ];
}

async function startBrowserSession(user: User & { id: string }, method: SignInMethod, client: ReturnType<typeof clientInfoFromHeaders>) {
  const session = await createAuthSession({ db: getDb(), userId: user.id, method, client, kind: 'browser', lifetimeMs: env.REFRESH_TOKEN_EXPIRY });
  user.sessionId = session.id;
}

function config(): NextAuthConfig {
  const db = getDb();
  return {
    secret: env.AUTH_SECRET,
    trustHost: env.AUTH_TRUST_HOST || undefined,
    // Without AUTH_URL, Auth.js decides per request from the URL's scheme (see cookies.ts and the route's publicOrigin).
    useSecureCookies: env.AUTH_URL ? env.AUTH_URL.startsWith('https:') : undefined,
    // Credentials need the JWT strategy; the token only carries the session id, checked on every request.
    session: { strategy: 'jwt', maxAge: Math.floor(env.REFRESH_TOKEN_EXPIRY / 1000) },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const input = loginInput.safeParse(credentials);
          if (!input.success) throw new SignInRefused('invalid_credentials');
          const client = clientInfoFromHeaders(request.headers);
          try {
            const row = await authenticate({ db, throttle: getThrottle(), ...input.data, client });
            const user = { id: row.id, email: row.email, name: row.username };
            await startBrowserSession(user, 'password', client);
            return user;
          } catch (error) {
            if (isAppError(error) && error.code === 'TOO_MANY_REQUESTS') throw new SignInRefused('rate_limited');
            if (isAppError(error) && error.code === 'UNAUTHORIZED') throw new SignInRefused('invalid_credentials');
            throw error;
          }
        },
      }),
      ...(configuredOAuthProviders().includes('github') ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
      ...(configuredOAuthProviders().includes('discord') ? [Discord({ clientId: env.AUTH_DISCORD_ID, clientSecret: env.AUTH_DISCORD_SECRET })] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === 'credentials') return true;
        const provider = account.provider as OAuthProvider;
        const requestHeaders = await headers();
        const client = clientInfoFromHeaders(requestHeaders);
        // Signed in already: this is "link GitHub" from the profile page.
        const current = await resolveRequestUser({ db, headers: requestHeaders });
        try {
          const row = await signInWithOAuth({
            db,
            provider,
            providerAccountId: account.providerAccountId,
            email: profile?.email ?? user.email ?? null,
            login: (profile?.login as string | undefined) ?? (profile?.username as string | undefined) ?? null,
            avatar: user.image ?? null,
            currentUserId: current?.id,
            client,
          });
          // Auth.js hands this same object to the jwt callback.
          Object.assign(user, { id: row.id, email: row.email, name: row.username });
          await startBrowserSession(user as User & { id: string }, provider, client);
          await recordAudit({ db, type: 'login_success', userId: row.id, client, data: { method: provider } });
          return true;
        } catch (error) {
          if (isAppError(error)) return `/sign-in?error=${encodeURIComponent(error.message)}`;
          throw error;
        }
      },
      async jwt({ token, user }) {
        if (user?.sessionId && user.id) return { ...token, sub: user.id, sid: user.sessionId };
        // Every later read: a session ended elsewhere (logout, "sign out other sessions",
        // password change) ends this cookie too.
        if (!token.sid || !(await findActiveSessionUser({ db, sessionId: token.sid }))) return null;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (!token?.sid || !token.sub) return;
        await endSession({ db, userId: token.sub, sessionId: token.sid }).catch(() => {});
        await recordAudit({ db, type: 'logout', userId: token.sub, data: { sessionId: token.sid } });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
