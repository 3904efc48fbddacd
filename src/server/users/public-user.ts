import { type PublicUser } from '@/lib/schemas/auth';
import { userPreferencesSchema } from '@/lib/schemas/users';
import type { UserRow } from '@/server/db/schema';

/** The only way a user leaves the server: no password hash, preferences filled with defaults. */
export function toPublicUser(row: UserRow): PublicUser {
  const preferences = userPreferencesSchema.safeParse(row.preferences);
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    profile: row.profile,
    preferences: preferences.success ? preferences.data : userPreferencesSchema.parse({}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
