const BADGES: Record<string, [label: string, className: string]> = {
  ts: ['TS', 'text-sky-600 dark:text-sky-400'],
  mts: ['TS', 'text-sky-600 dark:text-sky-400'],
  cts: ['TS', 'text-sky-600 dark:text-sky-400'],
  js: ['JS', 'text-amber-600 dark:text-yellow-300'],
  mjs: ['JS', 'text-amber-600 dark:text-yellow-300'],
  cjs: ['JS', 'text-amber-600 dark:text-yellow-300'],
  json: ['{}', 'text-orange-600 dark:text-orange-300'],
  css: ['#', 'text-violet-600 dark:text-violet-300'],
  scss: ['#', 'text-pink-600 dark:text-pink-300'],
  less: ['#', 'text-indigo-600 dark:text-indigo-300'],
  html: ['<>', 'text-orange-600 dark:text-orange-400'],
  vue: ['V', 'text-emerald-600 dark:text-emerald-400'],
  svelte: ['S', 'text-orange-600 dark:text-orange-400'],
  md: ['M', 'text-slate-500 dark:text-slate-300'],
  mdx: ['M', 'text-amber-600 dark:text-amber-300'],
  yml: ['Y', 'text-rose-600 dark:text-rose-300'],
  yaml: ['Y', 'text-rose-600 dark:text-rose-300'],
  sh: ['$', 'text-emerald-700 dark:text-emerald-300'],
};
const IMAGES = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico', 'svg', 'bmp']);
const CONFIG = /^(\.(env.*|gitignore|npmrc|prettierrc.*|editorconfig|nvmrc)|.*\.config\.[cm]?[jt]s|tsconfig.*\.json|.*rc\.json)$/;

const common = { viewBox: '0 0 16 16', 'aria-hidden': true, className: 'size-4 shrink-0' } as const;

/** An icon by file type; decorative, the name says what the file is. */
export function FileIcon({ name, folder, open }: { name: string; folder?: boolean; open?: boolean }) {
  if (folder) {
    return (
      <svg {...common} className="size-4 shrink-0 text-accent">
        {open ? (
          <path d="M1.5 4.5v8a1 1 0 0 0 1 1h10l2-6H4.2l-1.7 5M1.5 4.5a1 1 0 0 1 1-1h3.3l1.4 1.5h5.3a1 1 0 0 1 1 1v1.5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
        ) : (
          <path d="M1.5 4.5a1 1 0 0 1 1-1h3.3l1.4 1.5h6.3a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" fill="currentColor" fillOpacity=".18" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
        )}
      </svg>
    );
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (extension === 'tsx' || extension === 'jsx') {
    return (
      <svg {...common} className={`size-4 shrink-0 ${extension === 'tsx' ? 'text-sky-500' : 'text-cyan-500'}`}>
        <g fill="none" stroke="currentColor" strokeWidth="1">
          <ellipse cx="8" cy="8" rx="6.5" ry="2.5" />
          <ellipse cx="8" cy="8" rx="6.5" ry="2.5" transform="rotate(60 8 8)" />
          <ellipse cx="8" cy="8" rx="6.5" ry="2.5" transform="rotate(120 8 8)" />
        </g>
        <circle cx="8" cy="8" r="1.3" fill="currentColor" />
      </svg>
    );
  }
  if (IMAGES.has(extension)) {
    return (
      <svg {...common} className="size-4 shrink-0 text-teal-600 dark:text-teal-300">
        <rect x="2" y="3" width="12" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.2" />
        <path d="M3 12l3.5-4 2.5 3 1.5-1.5L13 12" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      </svg>
    );
  }
  if (name.endsWith('.lock') || name === 'package-lock.json' || name === 'pnpm-lock.yaml') {
    return (
      <svg {...common} className="size-4 shrink-0 text-muted">
        <rect x="3.5" y="7" width="9" height="6.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.2" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.2" />
      </svg>
    );
  }
  if (CONFIG.test(name)) {
    return (
      <svg {...common} className="size-4 shrink-0 text-muted">
        <circle cx="8" cy="8" r="2" fill="none" stroke="currentColor" strokeWidth="1.2" />
        <path d="M8 1.8v2M8 12.2v2M1.8 8h2M12.2 8h2M3.6 3.6l1.4 1.4M11 11l1.4 1.4M3.6 12.4 5 11M11 5l1.4-1.4" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" />
      </svg>
    );
  }
  const badge = BADGES[extension];
  if (badge) {
    return (
      <span aria-hidden="true" className={`inline-flex w-4 shrink-0 justify-center font-mono text-[9px] font-bold leading-none tracking-tighter ${badge[1]}`}>
        {badge[0]}
      </span>
    );
  }
  return (
    <svg {...common} className="size-4 shrink-0 text-muted">
      <path d="M4 1.5h5l3.5 3.5v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-11.5a1 1 0 0 1 1-1z M9 1.5V5h3.5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}
