import type { ReactNode } from 'react';
import type { Framework } from '@/lib/schemas/frameworks';

const TILE: Record<Framework, string> = {
  react: 'bg-sky-500/12 text-sky-600 dark:text-sky-400',
  nextjs: 'bg-zinc-900 text-white dark:bg-white dark:text-zinc-900',
  svelte: 'bg-orange-500/12 text-orange-600 dark:text-orange-400',
  vue: 'bg-emerald-500/12 text-emerald-600 dark:text-emerald-400',
  angular: 'bg-rose-500/12 text-rose-600 dark:text-rose-400',
};

/** A small brand-coloured glyph for a framework; decorative, so hidden from screen readers. */
export function FrameworkMark({ framework, className = 'size-10' }: { framework: Framework; className?: string }) {
  return (
    <span aria-hidden="true" className={`inline-flex shrink-0 items-center justify-center rounded-lg ${TILE[framework]} ${className}`}>
      <svg viewBox="0 0 24 24" className="size-3/5" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
        {GLYPHS[framework]}
      </svg>
    </span>
  );
}

const GLYPHS: Record<Framework, ReactNode> = {
  react: (
    <>
      <circle cx="12" cy="12" r="1.6" fill="currentColor" stroke="none" />
      <ellipse cx="12" cy="12" rx="10" ry="4" />
      <ellipse cx="12" cy="12" rx="10" ry="4" transform="rotate(60 12 12)" />
      <ellipse cx="12" cy="12" rx="10" ry="4" transform="rotate(120 12 12)" />
    </>
  ),
  nextjs: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M9 16.5V7.5l7.5 10.5M15 7.5v5.5" />
    </>
  ),
  svelte: <path d="M16.5 5.5c-2-1.8-5.2-1.7-7 .3L6.8 8.6c-1.6 1.7-1.4 4.4.4 5.9M7.5 18.5c2 1.8 5.2 1.7 7-.3l2.7-2.8c1.6-1.7 1.4-4.4-.4-5.9" strokeWidth={2.2} />,
  vue: (
    <>
      <path d="M2 4h4l6 10.5L18 4h4L12 21z" />
      <path d="M6.5 4H9.5l2.5 4.5L14.5 4h3" />
    </>
  ),
  angular: (
    <>
      <path d="M12 2 3 5.2l1.4 11.9L12 22l7.6-4.9L21 5.2z" />
      <path d="m8.5 16 3.5-9 3.5 9M9.8 13h4.4" />
    </>
  ),
};
