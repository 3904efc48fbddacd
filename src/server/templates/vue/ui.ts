import type { UiLibraryId } from '@/lib/catalog';

/** How a Vue UI library is wired: main.ts setup, vite plugins, App.vue wrapper and example. */
export interface VueUiWiring {
  mainImports: string[];
  /** Statements between createApp() and mount(), using `app`. */
  setup: string[];
  viteImports: string[];
  /** Replaces the default `vue()` plugin list. */
  vitePlugins: string[];
  /** App.vue <script setup> imports. */
  imports: string[];
  /** Template root wrapper. */
  wrap?: [open: string, close: string];
  /** Template using the `count` ref. */
  example: string;
  css: string;
  /** Extra tsconfig.app.json includes (generated declaration files). */
  tsIncludes?: string[];
  mountClass?: string;
}

const base = (): VueUiWiring => ({
  mainImports: [],
  setup: [],
  viteImports: [],
  vitePlugins: ['vue()'],
  imports: [],
  example: '<button type="button" @click="count++">Count is {{ count }}</button>',
  css: '',
});

export function vueUiWiring(id: UiLibraryId): VueUiWiring {
  const w = base();
  switch (id) {
    case 'vuetify':
      return {
        ...w,
        mainImports: [`import 'vuetify/styles'`, `import { createVuetify } from 'vuetify'`],
        setup: ['app.use(createVuetify())'],
        viteImports: [`import vuetify from 'vite-plugin-vuetify'`],
        vitePlugins: ['vue()', 'vuetify({ autoImport: true })'],
        wrap: ['<v-app>\n    <v-main>', '    </v-main>\n  </v-app>'],
        example: '<v-btn color="primary" @click="count++">Count is {{ count }}</v-btn>',
      };
    case 'quasar':
      return {
        ...w,
        mainImports: [`import { Quasar } from 'quasar'`, `import '@quasar/extras/material-icons/material-icons.css'`, `import 'quasar/src/css/index.sass'`],
        setup: ['app.use(Quasar, { plugins: {} })'],
        viteImports: [`import { quasar, transformAssetUrls } from '@quasar/vite-plugin'`],
        vitePlugins: ['vue({ template: { transformAssetUrls } })', 'quasar()'],
        example: '<q-btn color="primary" :label="`Count is ${count}`" @click="count++" />',
      };
    case 'primevue':
      return {
        ...w,
        mainImports: [`import PrimeVue from 'primevue/config'`, `import Aura from '@primeuix/themes/aura'`],
        setup: ['app.use(PrimeVue, { theme: { preset: Aura } })'],
        imports: [`import Button from 'primevue/button'`],
        example: '<Button :label="`Count is ${count}`" @click="count++" />',
      };
    case 'naive-ui':
      return {
        ...w,
        imports: [`import { NButton, NConfigProvider } from 'naive-ui'`],
        wrap: ['<n-config-provider>', '</n-config-provider>'],
        example: '<n-button type="primary" @click="count++">Count is {{ count }}</n-button>',
      };
    case 'nuxt-ui':
      return {
        ...w,
        mainImports: [`import { createRouter, createWebHistory } from 'vue-router'`, `import ui from '@nuxt/ui/vue-plugin'`],
        setup: ['app.use(createRouter({ routes: [], history: createWebHistory() }))', 'app.use(ui)'],
        viteImports: [`import ui from '@nuxt/ui/vite'`],
        vitePlugins: ['vue()', 'ui()'],
        wrap: ['<UApp>', '</UApp>'],
        example: '<UButton @click="count++">Count is {{ count }}</UButton>',
        css: `@import "@nuxt/ui";\n`,
        tsIncludes: ['auto-imports.d.ts', 'components.d.ts'],
        mountClass: 'isolate',
      };
    case 'radix':
      return {
        ...w,
        imports: [`import { SwitchRoot, SwitchThumb } from 'reka-ui'`],
        example: `${w.example}
    <label class="switch-label">
      <SwitchRoot :model-value="count % 2 === 1" class="switch" @update:model-value="count++">
        <SwitchThumb class="thumb" />
      </SwitchRoot>
      Odd
    </label>`,
      };
    default:
      return w;
  }
}

export const SWITCH_CSS = `
.switch {
  width: 2.5rem;
  height: 1.5rem;
  border-radius: 9999px;
  background: #ccc;
  border: 0;
  padding: 0.125rem;
}
.switch[data-state='checked'] {
  background: #42b883;
}
.thumb {
  display: block;
  width: 1.25rem;
  height: 1.25rem;
  border-radius: 9999px;
  background: white;
  transition: transform 0.15s;
}
.thumb[data-state='checked'] {
  transform: translateX(1rem);
}
`;
