import { z } from 'zod';

export const PROJECT_STATUSES = ['initializing', 'ready', 'error'] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const PACKAGE_MANAGERS = ['npm', 'yarn', 'pnpm', 'bun'] as const;

export const projectConfigurationSchema = z.object({
  typescript: z.boolean().default(true),
  eslint: z.boolean().default(true),
  prettier: z.boolean().default(false),
  tailwindcss: z.boolean().default(false),
  packageManager: z.enum(PACKAGE_MANAGERS).default('npm'),
  additionalDependencies: z.array(z.string()).max(50).default([]),
});
export type ProjectConfiguration = z.infer<typeof projectConfigurationSchema>;
