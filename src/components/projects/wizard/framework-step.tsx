import { frameworkCatalog } from '@/lib/catalog';
import type { Framework } from '@/lib/schemas/frameworks';
import { FrameworkMark } from '../framework-mark';
import { ChoiceCard } from './choice-card';

export function FrameworkStep({ value, defaultFramework, onChange }: { value: Framework; defaultFramework: Framework; onChange: (framework: Framework) => void }) {
  return (
    <fieldset>
      <legend className="sr-only">Framework</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {frameworkCatalog.map((framework) => (
          <ChoiceCard
            key={framework.id}
            name="framework"
            value={framework.id}
            checked={value === framework.id}
            onSelect={() => onChange(framework.id)}
            describedBy={`framework-${framework.id}-details`}
            title={
              <span className="flex items-center gap-3 pr-7">
                <FrameworkMark framework={framework.id} />
                <span>
                  <span className="block font-semibold">{framework.label}</span>
                  <span className="block text-xs text-muted">
                    v{framework.major} · {framework.toolchain}
                  </span>
                </span>
              </span>
            }
          >
            <span id={`framework-${framework.id}-details`} className="mt-3 flex flex-1 flex-col gap-3">
              <span className="text-sm leading-6 text-muted">{framework.description.replace(/`/g, '')}</span>
              {framework.versionNote ? <span className="border-l-2 border-border pl-2 text-xs leading-5 text-muted">{framework.versionNote.replace(/`/g, '')}</span> : null}
              <span className="mt-auto flex flex-wrap items-center gap-1.5 text-xs">
                <span className="rounded-md bg-surface-sunken px-1.5 py-0.5 font-mono">
                  {framework.package.name}@{framework.package.version}
                </span>
                {framework.typescript === 'required' ? <span className="rounded-md bg-surface-sunken px-1.5 py-0.5">TypeScript only</span> : null}
                {framework.id === defaultFramework ? <span className="rounded-md bg-accent/12 px-1.5 py-0.5 font-medium text-accent">Your default</span> : null}
              </span>
            </span>
          </ChoiceCard>
        ))}
      </div>
    </fieldset>
  );
}
