import { z } from 'zod';
import { refineUiLibrary } from '@/lib/catalog/ui-library';
import { uiLibrarySchema } from '@/lib/catalog/ui-library-ids';
import { frameworkSchema } from './frameworks';
import { setupStepSchema } from './setup';

export const PROJECT_STATUSES = ['initializing', 'ready', 'error'] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const PACKAGE_MANAGERS = ['npm', 'yarn', 'pnpm', 'bun'] as const;

export const PROJECT_NAME_RULES = '1–64 characters: letters, digits, spaces, dot, dash or underscore, starting with a letter or digit.';

export const projectNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the project a name.')
  .max(64, 'Use at most 64 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, `Project names have ${PROJECT_NAME_RULES.toLowerCase()}`);

// npm's own rules for package names (lower case, URL-safe, optional scope), at most 214 characters.
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
// A version, range or dist-tag without spaces or shell metacharacters: ^1.2.3, ~4, 5.x, latest, 1.0.0-beta.2.
const NPM_RANGE = /^[0-9A-Za-z.^~*+-]+$/;

/**
 * `name` or `name@range`, as typed into the wizard. These reach an install command, so anything
 * beyond a registry package (URLs, git, file:, aliases, shell metacharacters) is refused.
 */
export const npmPackageSpecSchema = z
  .string()
  .trim()
  .max(214 + 64, 'That package spec is too long.')
  .refine((spec) => {
    const at = spec.lastIndexOf('@');
    const [name, range] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
    return name.length <= 214 && NPM_NAME.test(name) && (range === undefined || NPM_RANGE.test(range));
  }, 'Use a registry package name, optionally with @version, such as zod or lodash@^4.');

export const projectConfigurationSchema = z.object({
  typescript: z.boolean().default(true),
  eslint: z.boolean().default(true),
  prettier: z.boolean().default(false),
  tailwindcss: z.boolean().default(false),
  packageManager: z.enum(PACKAGE_MANAGERS).default('npm'),
  additionalDependencies: z.array(npmPackageSpecSchema).max(50, 'At most 50 extra dependencies.').default([]),
});
export type ProjectConfiguration = z.infer<typeof projectConfigurationSchema>;

export const projectIdInput = z.object({ projectId: z.uuid('Not a project id.') }).meta({ examples: [{ projectId: '0b6f8a52-3c1e-4d5f-9a7b-2e4c6d8f0a1b' }] });

export const createProjectInput = z
  .object({
    name: projectNameSchema,
    description: z.string().trim().max(500, 'Use at most 500 characters.').optional(),
    framework: frameworkSchema,
    uiLibrary: uiLibrarySchema.default('none'),
    configuration: projectConfigurationSchema.default(() => projectConfigurationSchema.parse({})),
  })
  // The library must be one the catalog offers for this framework, and still available.
  .superRefine(refineUiLibrary)
  .meta({ examples: [{ name: 'My first app', framework: 'react', uiLibrary: 'none', configuration: { typescript: true, tailwindcss: false, packageManager: 'npm' } }] });
export type CreateProjectInput = z.infer<typeof createProjectInput>;

export const updateProjectInput = projectIdInput.extend({
  name: projectNameSchema.optional(),
  description: z.string().trim().max(500, 'Use at most 500 characters.').nullable().optional(),
}).meta({ examples: [{ projectId: '0b6f8a52-3c1e-4d5f-9a7b-2e4c6d8f0a1b', name: 'Renamed app' }] });
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const listProjectsInput = z.object({
  search: z.string().trim().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
}).meta({ examples: [{ search: 'app', limit: 20 }] });
export type ListProjectsInput = z.infer<typeof listProjectsInput>;

/** A project as its owner sees it (the seed's Project). */
export const projectSchema = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  framework: frameworkSchema,
  uiLibrary: z.string().nullable(),
  configuration: projectConfigurationSchema,
  status: projectStatusSchema,
  /** The seed's `e2bSessionId`: the sandbox's id, whichever provider runs it. */
  sandboxId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const setupStatusSchema = z.enum(['pending', 'in-progress', 'completed', 'failed']);

export const projectPageSchema = z.object({ items: z.array(projectSchema), nextCursor: z.string().nullable() });
export const createdProjectSchema = z.object({ success: z.literal(true), project: projectSchema, setupStatus: setupStatusSchema });
export const setupRetrySchema = z.object({ success: z.literal(true), setupStatus: setupStatusSchema });
/** The seed's `GET /api/projects/{id}/status`. */
export const setupProgressSchema = z.object({ success: z.literal(true), projectId: z.uuid(), status: projectStatusSchema, setupStatus: setupStatusSchema, steps: z.array(setupStepSchema) });
