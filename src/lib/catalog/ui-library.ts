import { z } from 'zod';
import { frameworkSchema, type Framework } from '@/lib/schemas/frameworks';
import type { ProjectConfiguration } from '@/lib/schemas/projects';
import { getFramework } from './frameworks';
import type { UiLibraryInfo } from './types';
import { UI_LIBRARIES_BY_FRAMEWORK } from './ui-libraries';
import { uiLibrarySchema, type UiLibraryId } from './ui-library-ids';

/** Every UI library the framework lists, available or not (the wizard greys out the latter). */
export function uiLibrariesFor(framework: Framework): readonly UiLibraryInfo[] {
  return UI_LIBRARIES_BY_FRAMEWORK[framework];
}

export function getUiLibrary(framework: Framework, id: string): UiLibraryInfo | undefined {
  return UI_LIBRARIES_BY_FRAMEWORK[framework].find((library) => library.id === id);
}

export function isUiLibraryAvailable(framework: Framework, id: string): boolean {
  return getUiLibrary(framework, id)?.availability.available === true;
}

export type UiLibraryCheck = { ok: true; library: UiLibraryInfo } | { ok: false; reason: string };

/** Whether a project may be created with this pair, and the user-facing reason when not. */
export function checkUiLibrary(framework: Framework, id: string): UiLibraryCheck {
  const library = getUiLibrary(framework, id);
  const label = getFramework(framework).label;
  if (!library) return { ok: false, reason: `${label} has no UI library “${id}”.` };
  if (!library.availability.available) {
    return { ok: false, reason: `${library.label} is unavailable for ${label}: ${library.availability.reason}` };
  }
  return { ok: true, library };
}

/**
 * A refinement for any schema with `framework` and `uiLibrary`, e.g.
 * `createProjectInput.superRefine(refineUiLibrary)`: reports the reason on `uiLibrary`.
 */
export function refineUiLibrary(value: { framework: Framework; uiLibrary: string }, ctx: z.RefinementCtx): void {
  const check = checkUiLibrary(value.framework, value.uiLibrary);
  if (!check.ok) ctx.addIssue({ code: 'custom', path: ['uiLibrary'], message: check.reason });
}

/** A (framework, uiLibrary) pair that the catalog offers. */
export const frameworkUiLibrarySchema = z
  .object({ framework: frameworkSchema, uiLibrary: uiLibrarySchema })
  .superRefine(refineUiLibrary);

/**
 * The configuration a template is rendered with: options the framework or UI library cannot do
 * without are switched on (Angular is TypeScript-only; shadcn needs Tailwind).
 */
export function effectiveConfiguration(
  framework: Framework,
  id: UiLibraryId,
  configuration: ProjectConfiguration,
): ProjectConfiguration {
  const library = getUiLibrary(framework, id);
  return {
    ...configuration,
    typescript:
      configuration.typescript || getFramework(framework).typescript === 'required' || !!library?.requires.typescript,
    tailwindcss: configuration.tailwindcss || !!library?.requires.tailwindcss,
  };
}
