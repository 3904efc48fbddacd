import type { ReactNode } from 'react';

export function SettingsSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-border bg-surface-raised p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mb-5 mt-1 text-sm text-muted">{description}</p>
      {children}
    </section>
  );
}
