/** The signed-in user as every procedure sees it. */
export interface AuthUser {
  id: string;
  email: string;
  username: string;
  /** The `sessions` row of type `auth` that this request belongs to. */
  sessionId: string;
  /** How this request proved who it is. */
  via: 'cookie' | 'bearer';
}

/** Where a request came from, for sessions, audit events and rate limits. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}
