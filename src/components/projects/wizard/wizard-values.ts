import { effectiveConfiguration, getUiLibrary, isUiLibraryAvailable } from '@/lib/catalog';
import type { Framework } from '@/lib/schemas/frameworks';
import { projectConfigurationSchema, type CreateProjectInput } from '@/lib/schemas/projects';

export const WIZARD_STEPS = [
  { id: 'framework', label: 'Framework' },
  { id: 'ui', label: 'UI library' },
  { id: 'options', label: 'Options' },
  { id: 'review', label: 'Review' },
  { id: 'create', label: 'Create' },
] as const;
export type WizardStepId = (typeof WIZARD_STEPS)[number]['id'];

/** The form's values are the create input itself; the description is kept as typed. */
export type WizardValues = CreateProjectInput & { description: string };

export function initialValues(framework: Framework): WizardValues {
  return { name: '', description: '', framework, uiLibrary: 'none', configuration: projectConfigurationSchema.parse({}) };
}

/** Switching framework keeps the UI library only when the new framework offers it too. */
export function withFramework(values: WizardValues, framework: Framework): WizardValues {
  return { ...values, framework, uiLibrary: isUiLibraryAvailable(framework, values.uiLibrary) ? values.uiLibrary : 'none' };
}

/** Why an option is forced on by the framework or UI library, if it is. */
export function forcedReason(values: WizardValues, option: 'typescript' | 'tailwindcss'): string | undefined {
  const forced = effectiveConfiguration(values.framework, values.uiLibrary, { ...values.configuration, [option]: false })[option];
  if (!forced) return undefined;
  const library = getUiLibrary(values.framework, values.uiLibrary);
  if (option === 'typescript' && !library?.requires.typescript) return 'Angular is TypeScript-only.';
  return `${library?.label ?? 'This UI library'} needs ${option === 'typescript' ? 'TypeScript' : 'Tailwind CSS'}.`;
}

/** What is sent: the configuration the template will really use, and no empty description. */
export function toCreateInput(values: WizardValues): CreateProjectInput {
  return {
    ...values,
    description: values.description.trim() || undefined,
    configuration: effectiveConfiguration(values.framework, values.uiLibrary, values.configuration),
  };
}
