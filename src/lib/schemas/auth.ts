import { z } from 'zod';
import { passwordSchema } from '@/lib/password-policy';
import { userPreferencesSchema, userProfileSchema } from './users';

export const USERNAME_RULES = '3–32 characters: letters, digits, dot, dash or underscore; starting with a letter or digit.';

/** Emails are trimmed and lower-cased, so one address is one account however it is typed. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'An email address has at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'))
  .transform((email) => email.toLowerCase());

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters.')
  .max(32, 'Use at most 32 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `Usernames have ${USERNAME_RULES.toLowerCase()}`);

const nameSchema = z.string().trim().max(100, 'Use at most 100 characters.');

export const signupInput = z.object({
  email: emailSchema,
  username: usernameSchema,
  password: passwordSchema,
  firstName: nameSchema.optional(),
  lastName: nameSchema.optional(),
}).meta({ examples: [{ email: 'ada@example.com', username: 'ada', password: 'correct horse battery staple', firstName: 'Ada', lastName: 'Lovelace' }] });
export type SignupInput = z.infer<typeof signupInput>;

export const loginInput = z.object({
  email: emailSchema,
  // Only presence is checked at login: rules belong to sign-up and password changes.
  password: z.string().min(1, 'Enter your password.').max(1024),
}).meta({ examples: [{ email: 'ada@example.com', password: 'correct horse battery staple' }] });
export type LoginInput = z.infer<typeof loginInput>;

export const refreshInput = z.object({ refreshToken: z.string().min(1).max(512) }).meta({ examples: [{ refreshToken: 'the refreshToken from signup, login or the last refresh' }] });
export type RefreshInput = z.infer<typeof refreshInput>;

export const updateProfileInput = z.object({
  firstName: nameSchema.optional(),
  lastName: nameSchema.optional(),
  avatar: z.union([z.url('Enter a full URL, such as https://…').max(2048), z.literal('')]).optional(),
  preferences: userPreferencesSchema.partial().optional(),
}).meta({ examples: [{ firstName: 'Ada', preferences: { theme: 'dark' } }] });
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
  newPassword: passwordSchema,
}).meta({ examples: [{ currentPassword: 'correct horse battery staple', newPassword: 'a longer passphrase nobody guesses' }] });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** A user as every response shows it: never the password hash. */
export const publicUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  username: z.string(),
  profile: userProfileSchema,
  preferences: userPreferencesSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const authSessionSchema = z.object({
  id: z.uuid(),
  device: z.string(),
  ip: z.string().nullable(),
  method: z.string(),
  createdAt: z.date(),
  lastAccessedAt: z.date(),
  expiresAt: z.date(),
  current: z.boolean(),
});
export type AuthSession = z.infer<typeof authSessionSchema>;

/** The seed's answer to signup, login and refresh. `accessToken` lasts 15 minutes; refresh before. */
export const tokenResponseSchema = z.object({ success: z.literal(true), user: publicUserSchema, accessToken: z.string(), refreshToken: z.string() });
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** The seed's `GET/PUT /api/auth/profile`. */
export const profileResponseSchema = z.object({ success: z.literal(true), user: publicUserSchema });

/** An opaque, single-use ticket that opens one subscription for about a minute (see `auth.subscriptionTicket`). */
export const subscriptionTicketSchema = z.object({ ticket: z.string(), expiresAt: z.date() });

/** An answer that only says it worked. */
export const okSchema = z.object({ success: z.literal(true) });
