import { z } from 'zod';
import { frameworkSchema } from './frameworks';

export const THEMES = ['light', 'dark', 'system'] as const;
export const themeSchema = z.enum(THEMES);

export const userProfileSchema = z.object({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  avatar: z.url().max(2048).optional(),
  githubId: z.string().max(100).optional(),
  discordId: z.string().max(100).optional(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export const editorSettingsSchema = z.object({
  fontSize: z.number().int().min(8).max(40).default(14),
  tabSize: z.number().int().min(1).max(8).default(2),
  wordWrap: z.boolean().default(false),
  minimap: z.boolean().default(true),
});
export type EditorSettings = z.infer<typeof editorSettingsSchema>;

export const userPreferencesSchema = z.object({
  theme: themeSchema.default('system'),
  defaultFramework: frameworkSchema.default('react'),
  editorSettings: editorSettingsSchema.default(() => editorSettingsSchema.parse({})),
});
export type UserPreferences = z.infer<typeof userPreferencesSchema>;

export const defaultUserPreferences = (): UserPreferences => userPreferencesSchema.parse({});
