import { z } from 'zod';

/**
 * Panel sizes, remembered per user in a cookie (`aura-layout-<user id>`) rather than localStorage,
 * so the server renders the saved layout and nothing jumps when the page hydrates.
 */
const layoutSchema = z.record(z.string().max(32), z.number().min(0).max(100));
const savedLayoutsSchema = z.object({ main: layoutSchema.optional(), center: layoutSchema.optional() });
export type SavedLayouts = z.infer<typeof savedLayoutsSchema>;
export type LayoutGroup = keyof SavedLayouts;

export const layoutCookieName = (userId: string) => `aura-layout-${userId}`;

export function parseSavedLayouts(raw: string | undefined): SavedLayouts {
  if (!raw) return {};
  try {
    const parsed = savedLayoutsSchema.safeParse(JSON.parse(decodeURIComponent(raw)));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveLayouts(userId: string, layouts: SavedLayouts): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${layoutCookieName(userId)}=${encodeURIComponent(JSON.stringify(layouts))}; path=/projects; max-age=31536000; samesite=lax${secure}`;
}
