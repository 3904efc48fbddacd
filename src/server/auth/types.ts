/** The signed-in user as every procedure sees it. Auth fills it from the cookie or bearer token. */
export interface AuthUser {
  id: string;
  email: string;
  username: string;
  /** The `sessions` row of type `auth` that this request belongs to. */
  sessionId: string;
}
