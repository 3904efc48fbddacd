import type { ReactNode } from 'react';
import { Field } from '@/components/ui/field';
import { packageManagerCatalog } from '@/lib/catalog';
import type { FieldErrors } from '@/lib/form-errors';
import { PROJECT_NAME_RULES, type ProjectConfiguration } from '@/lib/schemas/projects';
import { ChoiceCard } from './choice-card';
import { DependenciesField } from './dependencies-field';
import { SwitchField } from './switch-field';
import { forcedReason, type WizardValues } from './wizard-values';

const TOOLS = [
  { key: 'typescript', label: 'TypeScript', description: 'Typed source files and a tsconfig.' },
  { key: 'eslint', label: 'ESLint', description: 'The framework’s recommended lint rules.' },
  { key: 'prettier', label: 'Prettier', description: 'Consistent formatting, with its config and a format script.' },
  { key: 'tailwindcss', label: 'Tailwind CSS', description: 'Tailwind CSS 4, wired into the build.' },
] as const;

export function OptionsStep({
  values,
  errors,
  onChange,
  dependencyDraft,
  onDependencyDraftChange,
}: {
  values: WizardValues;
  errors: FieldErrors;
  onChange: (patch: Partial<WizardValues>) => void;
  dependencyDraft: string;
  onDependencyDraftChange: (draft: string) => void;
}) {
  const configure = (patch: Partial<ProjectConfiguration>) => onChange({ configuration: { ...values.configuration, ...patch } });
  return (
    <div className="space-y-8">
      <Group title="Details">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Project name" name="name" autoComplete="off" value={values.name} onChange={(event) => onChange({ name: event.target.value })} error={errors.name} hint={PROJECT_NAME_RULES} />
          <Field
            label="Description (optional)"
            name="description"
            autoComplete="off"
            value={values.description}
            onChange={(event) => onChange({ description: event.target.value })}
            error={errors.description}
          />
        </div>
      </Group>

      <Group title="Tooling">
        <div className="grid gap-3 sm:grid-cols-2">
          {TOOLS.map((tool) => {
            const locked = tool.key === 'typescript' || tool.key === 'tailwindcss' ? forcedReason(values, tool.key) : undefined;
            return (
              <SwitchField
                key={tool.key}
                label={tool.label}
                description={tool.description}
                checked={locked ? true : values.configuration[tool.key]}
                lockedReason={locked}
                onChange={(checked) => configure({ [tool.key]: checked })}
              />
            );
          })}
        </div>
      </Group>

      <fieldset>
        <legend className="mb-3 text-sm font-semibold">Package manager</legend>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {packageManagerCatalog.map((manager) => (
            <ChoiceCard
              key={manager.id}
              name="packageManager"
              value={manager.id}
              checked={values.configuration.packageManager === manager.id}
              onSelect={() => configure({ packageManager: manager.id })}
              className="p-3"
              title={<span className="pr-7 text-sm font-semibold">{manager.label}</span>}
            >
              <span className="mt-0.5 font-mono text-xs text-muted">v{manager.version}</span>
            </ChoiceCard>
          ))}
        </div>
      </fieldset>

      <div>
        <DependenciesField
          value={values.configuration.additionalDependencies}
          onChange={(additionalDependencies) => configure({ additionalDependencies })}
          draft={dependencyDraft}
          onDraftChange={onDependencyDraftChange}
        />
        {errors.configuration ? <p className="mt-1.5 text-xs text-red-600 dark:text-red-400">{errors.configuration}</p> : null}
      </div>
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="mb-3 text-sm font-semibold">{title}</h3>
      {children}
    </div>
  );
}
