import { z } from 'zod';
import { uiLibrarySchema } from '@/lib/catalog/ui-library-ids';

export const FRAMEWORKS = ['react', 'nextjs', 'svelte', 'vue', 'angular'] as const;
export const frameworkSchema = z.enum(FRAMEWORKS);
export type Framework = z.infer<typeof frameworkSchema>;

export const FRAMEWORK_LABELS: Record<Framework, string> = {
  react: 'React',
  nextjs: 'Next.js',
  svelte: 'Svelte',
  vue: 'Vue',
  angular: 'Angular',
};

const npmPackageSchema = z.object({ name: z.string(), version: z.string(), dev: z.boolean().optional() });

/** A framework in the catalog (the seed's FrameworkDefinition). */
export const frameworkInfoSchema = z.object({
  id: frameworkSchema,
  label: z.string(),
  description: z.string(),
  package: npmPackageSchema,
  major: z.number(),
  templateKind: z.enum(['vite', 'create-next-app', 'sv', 'angular-cli']),
  toolchain: z.string(),
  typescript: z.enum(['optional', 'required']),
  devScript: z.string(),
  defaultDevPort: z.number(),
  versionNote: z.string().optional(),
});

/** A UI library the catalog offers for a framework. */
export const uiLibraryInfoSchema = z.object({
  framework: frameworkSchema,
  id: uiLibrarySchema,
  label: z.string(),
  description: z.string(),
  homepage: z.string(),
  packages: z.array(npmPackageSchema),
  requires: z.object({ tailwindcss: z.boolean().optional(), typescript: z.boolean().optional() }),
  availability: z.discriminatedUnion('available', [z.object({ available: z.literal(true) }), z.object({ available: z.literal(false), reason: z.string() })]),
});

export const uiLibrariesInput = z.object({ framework: frameworkSchema.optional() }).meta({ examples: [{ framework: 'vue' }] });
