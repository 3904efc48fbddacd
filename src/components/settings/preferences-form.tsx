'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTheme } from 'next-themes';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { FRAMEWORK_LABELS, FRAMEWORKS } from '@/lib/schemas/frameworks';
import { THEMES, userPreferencesSchema, type UserPreferences } from '@/lib/schemas/users';
import { useTRPC } from '@/trpc/react';

const THEME_LABELS = { light: 'Light', dark: 'Dark', system: 'Same as my system' } as const;

export function PreferencesForm({ preferences }: { preferences: UserPreferences }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { setTheme } = useTheme();
  const save = useMutation(trpc.auth.updateProfile.mutationOptions({ onSuccess: () => router.refresh() }));
  const [values, setValues] = useState(preferences);
  const editor = (patch: Partial<UserPreferences['editorSettings']>) => setValues((v) => ({ ...v, editorSettings: { ...v.editorSettings, ...patch } }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = userPreferencesSchema.safeParse(values);
    if (!parsed.success) return;
    setTheme(parsed.data.theme);
    await save.mutateAsync({ preferences: parsed.data });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5">
      {save.isSuccess ? <FormMessage kind="notice">Preferences saved.</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Labelled label="Theme">
          {(id) => (
            <select id={id} className={SELECT} value={values.theme} onChange={(e) => setValues((v) => ({ ...v, theme: e.target.value as UserPreferences['theme'] }))}>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {THEME_LABELS[theme]}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled label="Default framework">
          {(id) => (
            <select id={id} className={SELECT} value={values.defaultFramework} onChange={(e) => setValues((v) => ({ ...v, defaultFramework: e.target.value as UserPreferences['defaultFramework'] }))}>
              {FRAMEWORKS.map((framework) => (
                <option key={framework} value={framework}>
                  {FRAMEWORK_LABELS[framework]}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled label="Editor font size">
          {(id) => <input id={id} type="number" min={8} max={40} className={SELECT} value={values.editorSettings.fontSize} onChange={(e) => editor({ fontSize: Number(e.target.value) })} />}
        </Labelled>
        <Labelled label="Tab size">
          {(id) => (
            <select id={id} className={SELECT} value={values.editorSettings.tabSize} onChange={(e) => editor({ tabSize: Number(e.target.value) })}>
              {[2, 4, 8].map((size) => (
                <option key={size} value={size}>
                  {size} spaces
                </option>
              ))}
            </select>
          )}
        </Labelled>
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={values.editorSettings.wordWrap} onChange={(e) => editor({ wordWrap: e.target.checked })} /> Wrap long lines
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={values.editorSettings.minimap} onChange={(e) => editor({ minimap: e.target.checked })} /> Show the minimap
        </label>
      </div>
      <Button type="submit" disabled={save.isPending}>
        Save preferences
      </Button>
    </form>
  );
}

const SELECT = 'block w-full rounded-md border border-border bg-surface-raised px-3 py-2 text-sm';

function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
