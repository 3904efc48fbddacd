import { getUiLibrary, VERSIONS } from '@/lib/catalog';
import { reactUiWiring } from '../react-ui/libraries';
import { shadcnButton, shadcnComponentsJson, shadcnUtils } from '../react-ui/shadcn';
import { SHADCN_THEME_CSS } from '../shared/shadcn-theme';
import { gitignore } from '../shared/gitignore';
import { addPackages, createPackageJson, devDeps } from '../shared/package-json';
import type { FrameworkTemplate, RenderContext } from '../types';
import { NEXT_ENV_D_TS, NEXT_JSCONFIG, NEXT_POSTCSS, NEXT_TSCONFIG, nextConfig, nextEslint } from './files';
import { counterFile, layoutFile, pageFile, providersFile } from './pages';

/** create-next-app's App Router layout (`app/`, no `src/`, `@/*` alias). */
export function renderNext(ctx: RenderContext): FrameworkTemplate {
  const { ts, config, input } = ctx;
  const x = ts ? 'tsx' : 'js';
  const ui = reactUiWiring(input.uiLibrary);
  const pkg = createPackageJson(ctx.slug, {
    dev: `next dev -H 0.0.0.0 -p ${ctx.port}`,
    build: 'next build',
    start: `next start -H 0.0.0.0 -p ${ctx.port}`,
  });
  delete pkg.type;
  addPackages(pkg, [
    { name: 'next', version: VERSIONS.next },
    { name: 'react', version: VERSIONS.react },
    { name: 'react-dom', version: VERSIONS['react-dom'] },
    { name: 'geist', version: VERSIONS.geist },
  ]);
  if (ts) {
    addPackages(pkg, devDeps({
      typescript: VERSIONS['typescript-next'],
      '@types/node': VERSIONS['types-node-next'],
      '@types/react': VERSIONS['@types/react'],
      '@types/react-dom': VERSIONS['@types/react-dom'],
    }));
  }
  if (config.tailwindcss) addPackages(pkg, devDeps({ tailwindcss: VERSIONS.tailwindcss, '@tailwindcss/postcss': VERSIONS['@tailwindcss/postcss'] }));
  addPackages(pkg, getUiLibrary(input.framework, input.uiLibrary)?.packages ?? []);

  const providers = ui.provider !== undefined;
  const files: Record<string, string> = {
    '.gitignore': gitignore(['/.next/', '/out/', '/build', '*.tsbuildinfo', 'next-env.d.ts', '.vercel']),
    [`next.config.${ts ? 'ts' : 'mjs'}`]: nextConfig(ts),
    [`app/layout.${x}`]: layoutFile({ ts, title: ctx.title, css: ui.cssImports, providers, tailwind: config.tailwindcss }),
    [`app/page.${x}`]: pageFile(ctx.title, config.tailwindcss),
    [`app/counter.${x}`]: counterFile(ui),
    'app/globals.css': globalsCss(config.tailwindcss, input.uiLibrary),
  };
  if (providers) files[`app/providers.${x}`] = providersFile(ui, ts);
  if (ts) Object.assign(files, { 'tsconfig.json': NEXT_TSCONFIG, 'next-env.d.ts': NEXT_ENV_D_TS });
  else files['jsconfig.json'] = NEXT_JSCONFIG;
  if (config.tailwindcss) files['postcss.config.mjs'] = NEXT_POSTCSS;
  if (input.uiLibrary === 'shadcn') {
    files[`lib/utils.${ts ? 'ts' : 'js'}`] = shadcnUtils(ts);
    files[`components/ui/button.${x}`] = shadcnButton(ts, '@/');
    files['components.json'] = shadcnComponentsJson({ ts, rsc: true, css: 'app/globals.css', alias: '@/' });
  }
  if (config.eslint) Object.assign(files, nextEslint(pkg, ts, config.prettier));
  return { files, packageJson: pkg, buildOutputs: ['.next', 'out', 'build', 'next-env.d.ts'] };
}

function globalsCss(tailwind: boolean, uiLibrary: string): string {
  const vars = `:root {
  --background: #ffffff;
  --foreground: #171717;
}

@media (prefers-color-scheme: dark) {
  :root {
    --background: #0a0a0a;
    --foreground: #ededed;
  }
}

body {
  background: var(--background);
  color: var(--foreground);
  font-family: var(--font-geist-sans), Arial, Helvetica, sans-serif;
}
`;
  if (uiLibrary === 'shadcn') return `@import "tailwindcss";\n${SHADCN_THEME_CSS}`;
  if (uiLibrary === 'nextui') return `@import "tailwindcss";\n@import "@heroui/styles";\n`;
  if (tailwind) {
    return `@import "tailwindcss";\n\n${vars}\n@theme inline {\n  --color-background: var(--background);\n  --color-foreground: var(--foreground);\n  --font-sans: var(--font-geist-sans);\n  --font-mono: var(--font-geist-mono);\n}\n`;
  }
  return `${vars}\n.main {\n  max-width: 40rem;\n  margin: 0 auto;\n  padding: 2rem;\n  text-align: center;\n}\n`;
}
