/** A drawing of the workspace (file tree, editor, terminal) for the landing page. */
export function IdePreview() {
  return (
    <figure
      aria-label="The Aura workspace: a file tree, an editor showing App.tsx, and a terminal running the dev server"
      className="overflow-hidden rounded-xl border border-border bg-surface-raised shadow-xl shadow-black/5"
    >
      <div className="flex items-center gap-1.5 border-b border-border px-4 py-2.5" aria-hidden="true">
        <span className="size-2.5 rounded-full bg-red-400" />
        <span className="size-2.5 rounded-full bg-amber-400" />
        <span className="size-2.5 rounded-full bg-emerald-400" />
        <span className="ml-3 text-xs text-muted">my-app · React + Vite</span>
      </div>
      <div className="grid grid-cols-[8.5rem_1fr] font-mono text-[12.5px] leading-6" aria-hidden="true">
        <ul className="border-r border-border bg-surface-sunken px-3 py-3 text-muted">
          <li>▾ src</li>
          <li className="pl-3">components</li>
          <li className="rounded bg-accent/15 pl-3 text-fg">App.tsx</li>
          <li className="pl-3">main.tsx</li>
          <li>index.html</li>
          <li>package.json</li>
          <li className="opacity-50">node_modules</li>
        </ul>
        <div className="min-w-0">
          <pre className="overflow-hidden px-4 py-3">
            <span className="text-violet-500">export default function</span> <span className="text-sky-500">App</span>() {'{'}
            {'\n  '}
            <span className="text-violet-500">return</span> &lt;<span className="text-emerald-600 dark:text-emerald-400">h1</span>&gt;Hello, Aura&lt;/
            <span className="text-emerald-600 dark:text-emerald-400">h1</span>&gt;;{'\n}'}
          </pre>
          <div className="border-t border-border bg-surface-sunken px-4 py-3 text-muted">
            <div>
              <span className="text-emerald-600 dark:text-emerald-400">$</span> npm run dev
            </div>
            <div>VITE ready · Local: http://localhost:5173</div>
          </div>
        </div>
      </div>
    </figure>
  );
}
