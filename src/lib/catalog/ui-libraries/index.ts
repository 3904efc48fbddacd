import type { Framework } from '@/lib/schemas/frameworks';
import type { UiLibraryInfo } from '../types';
import { angularMaterial, ngBootstrap, primeng, radixNg } from './angular';
import { antd, chakraUi, heroUi, mantine, radixThemes, shadcn } from './react';
import { bitsUi, shadcnSvelte, skeleton, smelte } from './svelte';
import { naiveUi, nuxtUi, primevue, quasar, rekaUi, vuetify } from './vue';

export const noUiLibrary: UiLibraryInfo = {
  id: 'none',
  label: 'None',
  description: 'Just the framework’s own starter page.',
  homepage: '',
  packages: [],
  requires: {},
  availability: { available: true },
};

/** Per framework, in wizard order; `none` first. */
export const UI_LIBRARIES_BY_FRAMEWORK: Record<Framework, readonly UiLibraryInfo[]> = {
  react: [noUiLibrary, shadcn, chakraUi, mantine, antd, radixThemes],
  nextjs: [noUiLibrary, shadcn, heroUi, chakraUi, mantine, radixThemes],
  svelte: [noUiLibrary, shadcnSvelte, skeleton, smelte, bitsUi],
  vue: [noUiLibrary, vuetify, quasar, primevue, naiveUi, nuxtUi, rekaUi],
  angular: [noUiLibrary, angularMaterial, ngBootstrap, primeng, radixNg],
};
