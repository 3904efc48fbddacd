import { getUiLibrary, VERSIONS } from '@/lib/catalog';
import { SHADCN_THEME_CSS } from '../shared/shadcn-theme';
import { gitignore } from '../shared/gitignore';
import { addPackages, createPackageJson, devDeps } from '../shared/package-json';
import type { FrameworkTemplate, RenderContext } from '../types';
import { APP_D_TS, appHtml, SVELTE_JSCONFIG, SVELTE_TSCONFIG, svelteEslint, svelteViteConfig } from './config';
import { SHADCN_SVELTE_BUTTON, SHADCN_SVELTE_BUTTON_INDEX, SHADCN_SVELTE_COMPONENTS_JSON, SHADCN_SVELTE_UTILS } from './shadcn';
import { BITS_SWITCH_STYLE, svelteUiWiring } from './ui';

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" width="107" height="128" viewBox="0 0 107 128"><title>svelte-logo</title><path d="M94.157 22.819c-10.4-14.885-30.94-19.297-45.792-9.835L22.282 29.608A29.92 29.92 0 0 0 8.764 49.65a31.5 31.5 0 0 0 3.108 20.231 30 30 0 0 0-4.477 11.183 31.9 31.9 0 0 0 5.448 24.116c10.402 14.887 30.942 19.297 45.791 9.835l26.083-16.624A29.92 29.92 0 0 0 98.235 78.35a31.53 31.53 0 0 0-3.105-20.232 30 30 0 0 0 4.474-11.182 31.88 31.88 0 0 0-5.447-24.116" style="fill:#ff3e00"/></svg>
`;

/** `sv create --template minimal` (with `--types ts` or none), plus sv's add-ons for the options. */
export function renderSvelte(ctx: RenderContext): FrameworkTemplate {
  const { ts, config, input } = ctx;
  const ui = svelteUiWiring(input.uiLibrary);
  const shadcn = input.uiLibrary === 'shadcn-svelte';
  const lang = ts ? ' lang="ts"' : '';
  const pkg = createPackageJson(ctx.slug, {
    dev: 'vite dev',
    build: 'vite build',
    preview: 'vite preview',
    prepare: "svelte-kit sync || echo ''",
  });
  addPackages(pkg, devDeps({
    '@sveltejs/adapter-auto': VERSIONS['@sveltejs/adapter-auto'],
    '@sveltejs/kit': VERSIONS['@sveltejs/kit'],
    '@sveltejs/vite-plugin-svelte': VERSIONS['@sveltejs/vite-plugin-svelte'],
    svelte: VERSIONS.svelte,
    vite: VERSIONS.vite,
  }));
  if (ts) {
    addPackages(pkg, devDeps({ 'svelte-check': VERSIONS['svelte-check'], typescript: VERSIONS.typescript }));
    pkg.scripts.check = 'svelte-kit sync && svelte-check --tsconfig ./tsconfig.json';
  }
  if (config.tailwindcss) addPackages(pkg, devDeps({ tailwindcss: VERSIONS.tailwindcss, '@tailwindcss/vite': VERSIONS['@tailwindcss/vite'] }));
  addPackages(pkg, getUiLibrary(input.framework, input.uiLibrary)?.packages ?? []);

  const css = config.tailwindcss ? `@import 'tailwindcss';\n${ui.css}${shadcn ? SHADCN_THEME_CSS : ''}` : '';
  const files: Record<string, string> = {
    '.gitignore': gitignore(['.output', '.vercel', '.netlify', '.wrangler', '/.svelte-kit', '/build', 'vite.config.js.timestamp-*', 'vite.config.ts.timestamp-*']),
    '.npmrc': 'engine-strict=true\n',
    [`vite.config.${ts ? 'ts' : 'js'}`]: svelteViteConfig(config.tailwindcss, ctx.port),
    [ts ? 'tsconfig.json' : 'jsconfig.json']: ts ? SVELTE_TSCONFIG : SVELTE_JSCONFIG,
    'src/app.html': appHtml(ui.theme),
    [`src/lib/index.${ts ? 'ts' : 'js'}`]: "// place files you want to import through the `$lib` alias in this folder.\n",
    'src/lib/assets/favicon.svg': FAVICON,
    'src/routes/+layout.svelte': layout(lang, css !== ''),
    'src/routes/+page.svelte': page(ctx.title, lang, ui.imports, ui.example, input.uiLibrary === 'radix' && !config.tailwindcss),
    'static/robots.txt': '# allow crawling everything by default\nUser-agent: *\nDisallow:\n',
  };
  if (ts) files['src/app.d.ts'] = APP_D_TS;
  if (css) files['src/routes/layout.css'] = css;
  if (shadcn) {
    files['src/lib/utils.ts'] = SHADCN_SVELTE_UTILS;
    files['src/lib/components/ui/button/button.svelte'] = SHADCN_SVELTE_BUTTON;
    files['src/lib/components/ui/button/index.ts'] = SHADCN_SVELTE_BUTTON_INDEX;
    files['components.json'] = SHADCN_SVELTE_COMPONENTS_JSON;
  }
  if (config.eslint) Object.assign(files, svelteEslint(pkg, ts, config.prettier));
  let prettierPlugins: string[] | undefined;
  if (config.prettier) {
    addPackages(pkg, devDeps({ 'prettier-plugin-svelte': VERSIONS['prettier-plugin-svelte'] }));
    prettierPlugins = ['prettier-plugin-svelte'];
  }
  return { files, packageJson: pkg, buildOutputs: ['.svelte-kit', 'build'], prettierPlugins };
}

function layout(lang: string, css: boolean): string {
  return `<script${lang}>
${css ? "\timport './layout.css';\n" : ''}\timport favicon from '$lib/assets/favicon.svg';

	let { children } = $props();
</script>

<svelte:head>
	<link rel="icon" href={favicon} />
</svelte:head>

{@render children()}
`;
}

function page(title: string, lang: string, imports: string[], example: string, plainSwitchStyle: boolean): string {
  const body = example.split('\n').map((l) => `\t${l}`).join('\n');
  return `<script${lang}>
${imports.map((l) => `\t${l}\n`).join('')}
	let count = $state(0);
</script>

<main>
	<h1>${title}</h1>
	<p>Visit <a href="https://svelte.dev/docs/kit">svelte.dev/docs/kit</a> to read the documentation</p>
${body}
</main>
${plainSwitchStyle ? BITS_SWITCH_STYLE : ''}`;
}
