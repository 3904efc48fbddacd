import type { UiLibraryInfo } from '../types';

export const shadcnSvelte: UiLibraryInfo = {
  id: 'shadcn-svelte',
  label: 'shadcn-svelte',
  description: 'The Svelte port of shadcn/ui; Aura writes the Button component and theme.',
  homepage: 'https://shadcn-svelte.com',
  packages: [
    { name: 'tailwind-variants', version: '^4.0.2', dev: true },
    { name: 'clsx', version: '^2.1.1', dev: true },
    { name: 'tailwind-merge', version: '^3.7.0', dev: true },
    { name: 'tw-animate-css', version: '^1.4.0', dev: true },
    { name: '@lucide/svelte', version: '^1.48.0', dev: true },
  ],
  // shadcn-svelte 1.x generates TypeScript components only.
  requires: { tailwindcss: true, typescript: true },
  availability: { available: true },
};

export const skeleton: UiLibraryInfo = {
  id: 'skeleton',
  label: 'Skeleton',
  description: 'Skeleton 5: Tailwind-based design system with Svelte components.',
  homepage: 'https://www.skeleton.dev',
  packages: [
    { name: '@skeletonlabs/skeleton', version: '^5.0.1', dev: true },
    { name: '@skeletonlabs/skeleton-svelte', version: '^5.0.1', dev: true },
  ],
  requires: { tailwindcss: true },
  availability: { available: true },
};

export const smelte: UiLibraryInfo = {
  id: 'smelte',
  label: 'Smelte',
  description: 'Material Design components for Svelte on Tailwind.',
  homepage: 'https://smeltejs.com',
  packages: [{ name: 'smelte', version: '^1.1.8', dev: true }],
  requires: { tailwindcss: true },
  availability: {
    available: false,
    reason:
      'Smelte is abandoned: its last release (1.1.8) depends on Svelte 3 and Tailwind CSS 2 and does not compile with Svelte 5 or Tailwind 4.',
  },
};

export const bitsUi: UiLibraryInfo = {
  id: 'radix',
  label: 'Bits UI (Radix-style)',
  description: 'Radix has no official Svelte port; Bits UI is the headless, Radix-modelled library shadcn-svelte builds on.',
  homepage: 'https://bits-ui.com',
  packages: [
    { name: 'bits-ui', version: '^2.21.0', dev: true },
    { name: '@internationalized/date', version: '^3.12.4', dev: true },
  ],
  requires: {},
  availability: { available: true },
};
