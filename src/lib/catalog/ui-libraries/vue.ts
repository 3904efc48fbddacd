import type { UiLibraryInfo } from '../types';

export const vuetify: UiLibraryInfo = {
  id: 'vuetify',
  label: 'Vuetify',
  description: 'Vuetify 4 Material components, tree-shaken by vite-plugin-vuetify.',
  homepage: 'https://vuetifyjs.com',
  packages: [
    { name: 'vuetify', version: '^4.3.0' },
    { name: 'vite-plugin-vuetify', version: '^2.1.3', dev: true },
  ],
  requires: {},
  availability: { available: true },
};

export const quasar: UiLibraryInfo = {
  id: 'quasar',
  label: 'Quasar',
  description: 'Quasar 2 components through its Vite plugin.',
  homepage: 'https://quasar.dev',
  packages: [
    { name: 'quasar', version: '^2.34.0' },
    { name: '@quasar/extras', version: '^2.1.0' },
    { name: '@quasar/vite-plugin', version: '^2.0.2', dev: true },
    { name: 'sass-embedded', version: '^1.108.2', dev: true },
  ],
  requires: {},
  availability: { available: true },
};

export const primevue: UiLibraryInfo = {
  id: 'primevue',
  label: 'PrimeVue',
  description: 'PrimeVue 5 with the Aura theme preset.',
  homepage: 'https://primevue.org',
  packages: [
    { name: 'primevue', version: '^5.0.2' },
    { name: '@primeuix/themes', version: '^3.0.1' },
  ],
  requires: {},
  availability: { available: true },
};

export const naiveUi: UiLibraryInfo = {
  id: 'naive-ui',
  label: 'Naive UI',
  description: 'Naive UI: TypeScript-first Vue 3 components, themed in JS.',
  homepage: 'https://www.naiveui.com',
  packages: [{ name: 'naive-ui', version: '^2.45.3' }],
  requires: {},
  availability: { available: true },
};

export const nuxtUi: UiLibraryInfo = {
  id: 'nuxt-ui',
  label: 'Nuxt UI',
  description: 'Nuxt UI 4 in a plain Vue + Vite app, on Reka UI and Tailwind CSS 4.',
  homepage: 'https://ui.nuxt.com',
  packages: [
    { name: '@nuxt/ui', version: '^4.11.2' },
    { name: 'vue-router', version: '^5.5.1' },
  ],
  requires: { tailwindcss: true },
  availability: { available: true },
};

export const rekaUi: UiLibraryInfo = {
  id: 'radix',
  label: 'Reka UI (Radix Vue)',
  description: 'Reka UI, the renamed Radix Vue: headless Radix-style primitives for Vue.',
  homepage: 'https://reka-ui.com',
  packages: [{ name: 'reka-ui', version: '^2.11.0' }],
  requires: {},
  availability: { available: true },
};
