/** shadcn/ui's `new-york` Button, lib/utils and theme, as `shadcn init` + `shadcn add button` write them. */
export function shadcnUtils(ts: boolean): string {
  return `import { clsx${ts ? ', type ClassValue' : ''} } from 'clsx'
import { twMerge } from 'tailwind-merge'

export function cn(...inputs${ts ? ': ClassValue[]' : ''}) {
  return twMerge(clsx(inputs))
}
`;
}

/** `vite`: the Vite template lints with react-refresh, which flags the shared `buttonVariants` export. */
export function shadcnButton(ts: boolean, alias: string, vite = false): string {
  const props = ts
    ? `: React.ComponentProps<'button'> &
  VariantProps<typeof buttonVariants> & { asChild?: boolean }`
    : '';
  return `${ts ? "import type * as React from 'react'\n" : ''}import { Slot } from 'radix-ui'
import { cva${ts ? ', type VariantProps' : ''} } from 'class-variance-authority'

import { cn } from '${alias}lib/utils'

const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-all disabled:pointer-events-none disabled:opacity-50 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
  {
    variants: {
      variant: {
        default: 'bg-primary text-primary-foreground shadow-xs hover:bg-primary/90',
        destructive: 'bg-destructive text-white shadow-xs hover:bg-destructive/90',
        outline: 'border bg-background shadow-xs hover:bg-accent hover:text-accent-foreground',
        secondary: 'bg-secondary text-secondary-foreground shadow-xs hover:bg-secondary/80',
        ghost: 'hover:bg-accent hover:text-accent-foreground',
        link: 'text-primary underline-offset-4 hover:underline',
      },
      size: {
        default: 'h-9 px-4 py-2',
        sm: 'h-8 rounded-md gap-1.5 px-3',
        lg: 'h-10 rounded-md px-6',
        icon: 'size-9',
      },
    },
    defaultVariants: { variant: 'default', size: 'default' },
  },
)

function Button({ className, variant, size, asChild = false, ...props }${props}) {
  const Comp = asChild ? Slot.Root : 'button'
  return <Comp data-slot="button" className={cn(buttonVariants({ variant, size, className }))} {...props} />
}

${vite ? '// eslint-disable-next-line react-refresh/only-export-components\n' : ''}export { Button, buttonVariants }
`;
}

export function shadcnComponentsJson(opts: { ts: boolean; rsc: boolean; css: string; alias: string }): string {
  const a = opts.alias.replace(/\/$/, '');
  return `${JSON.stringify(
    {
      $schema: 'https://ui.shadcn.com/schema.json',
      style: 'new-york',
      rsc: opts.rsc,
      tsx: opts.ts,
      tailwind: { config: '', css: opts.css, baseColor: 'neutral', cssVariables: true, prefix: '' },
      aliases: { components: `${a}/components`, utils: `${a}/lib/utils`, ui: `${a}/components/ui`, lib: `${a}/lib`, hooks: `${a}/hooks` },
      iconLibrary: 'lucide',
    },
    null,
    2,
  )}\n`;
}

