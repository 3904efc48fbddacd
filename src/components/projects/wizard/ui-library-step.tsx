import type { ReactNode } from 'react';
import { getFramework, uiLibrariesFor, type UiLibraryId } from '@/lib/catalog';
import type { Framework } from '@/lib/schemas/frameworks';
import { ChoiceCard } from './choice-card';

export function UiLibraryStep({ framework, value, onChange }: { framework: Framework; value: UiLibraryId; onChange: (library: UiLibraryId) => void }) {
  return (
    <fieldset>
      <legend className="sr-only">UI library for {getFramework(framework).label}</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {uiLibrariesFor(framework).map((library) => {
          const unavailable = library.availability.available ? null : library.availability.reason;
          const detailsId = `ui-${library.id}-details`;
          return (
            <ChoiceCard
              key={library.id}
              name="uiLibrary"
              value={library.id}
              checked={value === library.id}
              disabled={unavailable !== null}
              onSelect={() => onChange(library.id)}
              describedBy={detailsId}
              title={
                <span className="flex items-center gap-2 pr-7">
                  <span className="font-semibold">{library.label}</span>
                  {unavailable ? <span className="rounded-md bg-surface-raised px-1.5 py-0.5 text-xs font-medium text-muted ring-1 ring-border">Unavailable</span> : null}
                </span>
              }
            >
              <span id={detailsId} className="mt-2 flex flex-1 flex-col gap-3">
                <span className="text-sm leading-6 text-muted">{unavailable ?? library.description}</span>
                <span className="mt-auto flex flex-wrap gap-1.5 text-xs">
                  {library.requires.tailwindcss ? <Tag>Needs Tailwind CSS</Tag> : null}
                  {library.requires.typescript ? <Tag>Needs TypeScript</Tag> : null}
                  {library.packages.length > 0 ? <Tag>{library.packages.length === 1 ? '1 package' : `${library.packages.length} packages`}</Tag> : null}
                </span>
              </span>
            </ChoiceCard>
          );
        })}
      </div>
    </fieldset>
  );
}

function Tag({ children }: { children: ReactNode }) {
  return <span className="rounded-md bg-surface-sunken px-1.5 py-0.5 text-muted">{children}</span>;
}
