import { FRAMEWORK_LABELS, FRAMEWORKS, type Framework } from '@/lib/schemas/frameworks';
import type { FrameworkInfo } from './types';
import { VERSIONS } from './versions';

const CATALOG: Record<Framework, FrameworkInfo> = {
  react: {
    id: 'react',
    label: FRAMEWORK_LABELS.react,
    description: 'React 19 single-page app on Vite, laid out like create-vite’s react / react-ts template.',
    package: { name: 'react', version: VERSIONS.react },
    major: 19,
    templateKind: 'vite',
    toolchain: 'Vite 8',
    typescript: 'optional',
    devScript: 'dev',
    defaultDevPort: 5173,
  },
  nextjs: {
    id: 'nextjs',
    label: FRAMEWORK_LABELS.nextjs,
    description: 'Next.js 16 with the App Router, laid out like create-next-app; Geist fonts from the `geist` package.',
    package: { name: 'next', version: VERSIONS.next },
    major: 16,
    templateKind: 'create-next-app',
    toolchain: 'Next.js 16 (Turbopack)',
    typescript: 'optional',
    devScript: 'dev',
    defaultDevPort: 3000,
  },
  svelte: {
    id: 'svelte',
    label: FRAMEWORK_LABELS.svelte,
    description: 'Svelte 5 with SvelteKit, laid out like `sv create` (minimal template).',
    package: { name: 'svelte', version: VERSIONS.svelte },
    major: 5,
    templateKind: 'sv',
    toolchain: 'SvelteKit 2 on Vite 8',
    typescript: 'optional',
    devScript: 'dev',
    defaultDevPort: 5173,
    versionNote:
      'SvelteKit 3 is published but needs Node ≥ 22.17 and has no adapter-auto yet; `sv create` still scaffolds SvelteKit 2, and so does Aura.',
  },
  vue: {
    id: 'vue',
    label: FRAMEWORK_LABELS.vue,
    description: 'Vue 3 single-page app on Vite, laid out like create-vite’s vue / vue-ts template.',
    package: { name: 'vue', version: VERSIONS.vue },
    major: 3,
    templateKind: 'vite',
    toolchain: 'Vite 8',
    typescript: 'optional',
    devScript: 'dev',
    defaultDevPort: 5173,
  },
  angular: {
    id: 'angular',
    label: FRAMEWORK_LABELS.angular,
    description: 'Angular standalone, zoneless app, laid out like `ng new`. Angular is TypeScript-only.',
    package: { name: '@angular/core', version: VERSIONS.angular },
    major: 21,
    templateKind: 'angular-cli',
    toolchain: 'Angular CLI 21 (esbuild)',
    typescript: 'required',
    devScript: 'start',
    defaultDevPort: 4200,
    versionNote:
      'Angular 22 is the registry’s latest but requires Node ≥ 22.22; sandboxes run Node 20, so Aura installs Angular 21, the newest major that supports it.',
  },
};

/** The five frameworks in wizard order. */
export const frameworkCatalog: readonly FrameworkInfo[] = FRAMEWORKS.map((id) => CATALOG[id]);

export function getFramework(id: Framework): FrameworkInfo {
  return CATALOG[id];
}
