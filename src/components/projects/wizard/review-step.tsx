import type { ReactNode } from 'react';
import { effectiveConfiguration, getFramework, getPackageManager, getUiLibrary, installCommand } from '@/lib/catalog';
import { FrameworkMark } from '../framework-mark';
import type { WizardStepId, WizardValues } from './wizard-values';

const TOOL_LABELS = { typescript: 'TypeScript', eslint: 'ESLint', prettier: 'Prettier', tailwindcss: 'Tailwind CSS' } as const;

export function ReviewStep({ values, onEdit }: { values: WizardValues; onEdit: (step: WizardStepId) => void }) {
  const framework = getFramework(values.framework);
  const library = getUiLibrary(values.framework, values.uiLibrary);
  const configuration = effectiveConfiguration(values.framework, values.uiLibrary, values.configuration);
  const manager = getPackageManager(configuration.packageManager);
  return (
    <dl className="divide-y divide-border rounded-xl border border-border bg-surface-raised">
      <Row term="Framework" onEdit={() => onEdit('framework')}>
        <span className="flex items-center gap-3">
          <FrameworkMark framework={framework.id} className="size-8" />
          <span>
            <span className="block font-medium">
              {framework.label} {framework.major}
            </span>
            <span className="block text-xs text-muted">{framework.toolchain}</span>
          </span>
        </span>
      </Row>
      <Row term="UI library" onEdit={() => onEdit('ui')}>
        <span className="font-medium">{library?.label ?? 'None'}</span>
        {library && library.id !== 'none' ? <span className="block text-xs text-muted">{library.description}</span> : null}
      </Row>
      <Row term="Name" onEdit={() => onEdit('options')}>
        <span className="font-medium break-words">{values.name}</span>
        {values.description.trim() ? <span className="block text-xs text-muted break-words">{values.description.trim()}</span> : null}
      </Row>
      <Row term="Tooling" onEdit={() => onEdit('options')}>
        <span className="flex flex-wrap gap-1.5">
          {(Object.keys(TOOL_LABELS) as (keyof typeof TOOL_LABELS)[]).map((tool) => (
            <span
              key={tool}
              className={`rounded-md px-1.5 py-0.5 text-xs ${configuration[tool] ? 'bg-accent/12 font-medium text-accent' : 'bg-surface-sunken text-muted line-through'}`}
            >
              {TOOL_LABELS[tool]}
              <span className="sr-only">{configuration[tool] ? ' on' : ' off'}</span>
            </span>
          ))}
        </span>
      </Row>
      <Row term="Package manager" onEdit={() => onEdit('options')}>
        <span className="font-medium">
          {manager.label} {manager.version}
        </span>
        <code className="block font-mono text-xs text-muted">{installCommand(manager.id)}</code>
      </Row>
      <Row term="Extra dependencies" onEdit={() => onEdit('options')}>
        {configuration.additionalDependencies.length > 0 ? (
          <span className="flex flex-wrap gap-1.5">
            {configuration.additionalDependencies.map((dependency) => (
              <code key={dependency} className="rounded-md bg-surface-sunken px-1.5 py-0.5 font-mono text-xs">
                {dependency}
              </code>
            ))}
          </span>
        ) : (
          <span className="text-muted">None</span>
        )}
      </Row>
    </dl>
  );
}

function Row({ term, onEdit, children }: { term: string; onEdit: () => void; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr_auto] items-start gap-4 px-4 py-3 text-sm sm:grid-cols-[11rem_1fr_auto]">
      <dt className="pt-0.5 text-muted">{term}</dt>
      <dd className="min-w-0">{children}</dd>
      <dd>
        <button type="button" onClick={onEdit} className="rounded px-2 py-0.5 text-xs font-medium text-accent hover:bg-accent/10">
          Edit<span className="sr-only"> {term.toLowerCase()}</span>
        </button>
      </dd>
    </div>
  );
}
