import { getUiLibrary, VERSIONS } from '@/lib/catalog';
import { gitignore } from '../shared/gitignore';
import { addPackages, createPackageJson, devDeps, json } from '../shared/package-json';
import type { FrameworkTemplate, RenderContext } from '../types';
import { FAVICON_SVG, indexHtml, viteConfig } from '../vite/config';
import { vueEslint, vueTsconfigs } from './config';
import { SWITCH_CSS, vueUiWiring, type VueUiWiring } from './ui';

/** create-vite's `vue-ts` / `vue` layout. */
export function renderVue(ctx: RenderContext): FrameworkTemplate {
  const { ts, config, input } = ctx;
  const ui = vueUiWiring(input.uiLibrary);
  const ext = ts ? 'ts' : 'js';
  const pkg = createPackageJson(ctx.slug, {
    dev: 'vite',
    build: ts ? 'vue-tsc -b && vite build' : 'vite build',
    preview: 'vite preview',
  });
  addPackages(pkg, [
    { name: 'vue', version: VERSIONS.vue },
    ...devDeps({ vite: VERSIONS.vite, '@vitejs/plugin-vue': VERSIONS['@vitejs/plugin-vue'] }),
  ]);
  if (ts) {
    addPackages(pkg, devDeps({
      typescript: VERSIONS.typescript,
      'vue-tsc': VERSIONS['vue-tsc'],
      '@vue/tsconfig': VERSIONS['@vue/tsconfig'],
      '@types/node': VERSIONS['@types/node'],
    }));
  }
  if (config.tailwindcss) addPackages(pkg, devDeps({ tailwindcss: VERSIONS.tailwindcss, '@tailwindcss/vite': VERSIONS['@tailwindcss/vite'] }));
  addPackages(pkg, getUiLibrary(input.framework, input.uiLibrary)?.packages ?? []);

  const files: Record<string, string> = {
    '.gitignore': gitignore(['dist', 'dist-ssr', '*.local', 'auto-imports.d.ts', 'components.d.ts']),
    '.vscode/extensions.json': json({ recommendations: ['Vue.volar'] }),
    'index.html': indexHtml({ title: ctx.title, entry: `/src/main.${ext}`, mount: 'app', mountClass: ui.mountClass }),
    'public/favicon.svg': FAVICON_SVG,
    [`vite.config.${ext}`]: viteConfig({
      imports: [`import vue from '@vitejs/plugin-vue'`, ...ui.viteImports, ...(config.tailwindcss ? [`import tailwindcss from '@tailwindcss/vite'`] : [])],
      plugins: [...ui.vitePlugins, ...(config.tailwindcss ? ['tailwindcss()'] : [])],
      port: ctx.port,
      srcAlias: true,
    }),
    [`src/main.${ext}`]: mainFile(ui),
    'src/App.vue': appVue(ctx.title, ts, ui),
    'src/style.css': styleCss(config.tailwindcss, ui, input.uiLibrary === 'radix'),
  };
  if (ts) Object.assign(files, vueTsconfigs(ui.tsIncludes ?? []));
  else files['jsconfig.json'] = json({ compilerOptions: { paths: { '@/*': ['./src/*'] } }, exclude: ['node_modules', 'dist'] });
  if (config.eslint) Object.assign(files, vueEslint(pkg, ts, config.prettier));
  return { files, packageJson: pkg, buildOutputs: ['dist', 'auto-imports.d.ts', 'components.d.ts'] };
}

function mainFile(ui: VueUiWiring): string {
  const lines = [`import { createApp } from 'vue'`, ...ui.mainImports, `import './style.css'`, `import App from './App.vue'`];
  return `${lines.join('\n')}

const app = createApp(App)
${ui.setup.map((s) => `${s}\n`).join('')}app.mount('#app')
`;
}

function appVue(title: string, ts: boolean, ui: VueUiWiring): string {
  const content = `<main class="container">
    <h1>${title}</h1>
    <p>Edit <code>src/App.vue</code> and save to test HMR.</p>
    ${ui.example}
  </main>`;
  const template = ui.wrap ? `${ui.wrap[0]}\n  ${content}\n  ${ui.wrap[1]}` : content;
  return `<script setup${ts ? ' lang="ts"' : ''}>
import { ref } from 'vue'
${ui.imports.map((l) => `${l}\n`).join('')}
const count = ref(0)
</script>

<template>
  ${template}
</template>
`;
}

function styleCss(tailwind: boolean, ui: VueUiWiring, radix: boolean): string {
  const base = `:root {
  font-family: system-ui, Avenir, Helvetica, Arial, sans-serif;
  line-height: 1.5;
}

.container {
  max-width: 40rem;
  margin: 0 auto;
  padding: 2rem;
  text-align: center;
}
${radix ? SWITCH_CSS : ''}`;
  return tailwind ? `@import "tailwindcss";\n${ui.css}\n${base}` : `${ui.css}${base}`;
}
