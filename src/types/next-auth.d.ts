import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    /** The `sessions` row this sign-in created. */
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The `sessions` row behind this cookie; checked on every request. */
    sid?: string;
  }
}
