import { getUiLibrary, VERSIONS } from '@/lib/catalog';
import { reactUiWiring, wrapInProvider } from '../react-ui/libraries';
import { shadcnButton, shadcnComponentsJson, shadcnUtils } from '../react-ui/shadcn';
import { SHADCN_THEME_CSS } from '../shared/shadcn-theme';
import { gitignore } from '../shared/gitignore';
import { addPackages, createPackageJson, devDeps } from '../shared/package-json';
import type { FrameworkTemplate, RenderContext } from '../types';
import { FAVICON_SVG, indexHtml, viteConfig } from '../vite/config';
import { reactEslint } from './eslint';
import { reactTsconfigs } from './tsconfig';

/** create-vite's `react-ts` / `react` layout. */
export function renderReact(ctx: RenderContext): FrameworkTemplate {
  const { ts, config, input } = ctx;
  const x = ts ? 'tsx' : 'jsx';
  const shadcn = input.uiLibrary === 'shadcn';
  const ui = reactUiWiring(input.uiLibrary);
  const pkg = createPackageJson(ctx.slug, {
    dev: 'vite',
    build: ts ? 'tsc -b && vite build' : 'vite build',
    preview: 'vite preview',
  });
  addPackages(pkg, [
    { name: 'react', version: VERSIONS.react },
    { name: 'react-dom', version: VERSIONS['react-dom'] },
    ...devDeps({
      vite: VERSIONS.vite,
      '@vitejs/plugin-react': VERSIONS['@vitejs/plugin-react'],
      '@types/react': VERSIONS['@types/react'],
      '@types/react-dom': VERSIONS['@types/react-dom'],
    }),
  ]);
  if (ts) addPackages(pkg, devDeps({ typescript: VERSIONS.typescript, '@types/node': VERSIONS['@types/node'] }));
  if (config.tailwindcss) addPackages(pkg, devDeps({ tailwindcss: VERSIONS.tailwindcss, '@tailwindcss/vite': VERSIONS['@tailwindcss/vite'] }));
  addPackages(pkg, getUiLibrary(input.framework, input.uiLibrary)?.packages ?? []);

  const files: Record<string, string> = {
    '.gitignore': gitignore(['dist', 'dist-ssr', '*.local']),
    'index.html': indexHtml({ title: ctx.title, entry: `/src/main.${x}`, mount: 'root' }),
    'public/favicon.svg': FAVICON_SVG,
    [`vite.config.${ts ? 'ts' : 'js'}`]: viteConfig({
      imports: [`import react from '@vitejs/plugin-react'`, ...(config.tailwindcss ? [`import tailwindcss from '@tailwindcss/vite'`] : [])],
      plugins: ['react()', ...(config.tailwindcss ? ['tailwindcss()'] : [])],
      port: ctx.port,
      srcAlias: shadcn,
    }),
    [`src/main.${x}`]: mainFile(ts, ui.cssImports, ui.providerImports, wrapInProvider(ui, '<App />', 4)),
    [`src/App.${x}`]: appFile(ctx.title, ui.exampleImports, ui.example, config.tailwindcss),
    'src/index.css': indexCss(config.tailwindcss, shadcn),
  };
  if (ts) Object.assign(files, reactTsconfigs(shadcn));
  if (!ts && shadcn) files['jsconfig.json'] = `${JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }, null, 2)}\n`;
  if (shadcn) {
    files[`src/lib/utils.${ts ? 'ts' : 'js'}`] = shadcnUtils(ts);
    files[`src/components/ui/button.${x}`] = shadcnButton(ts, '@/', true);
    files['components.json'] = shadcnComponentsJson({ ts, rsc: false, css: 'src/index.css', alias: '@/' });
  }
  if (config.eslint) Object.assign(files, reactEslint(pkg, ts, config.prettier));
  return { files, packageJson: pkg, buildOutputs: ['dist'] };
}

function mainFile(ts: boolean, css: string[], imports: string[], app: string): string {
  return `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
${[...css.map((c) => `import '${c}'`), ...imports].map((l) => `${l}\n`).join('')}import './index.css'
import App from './App.${ts ? 'tsx' : 'jsx'}'

createRoot(document.getElementById('root')${ts ? '!' : ''}).render(
  <StrictMode>
    ${app}
  </StrictMode>,
)
`;
}

function appFile(title: string, imports: string[], example: string, tailwind: boolean): string {
  const main = tailwind ? ' className="mx-auto flex max-w-xl flex-col items-center gap-4 p-8 text-center"' : ' className="app"';
  const h1 = tailwind ? ' className="text-3xl font-bold"' : '';
  return `import { useState } from 'react'
${imports.map((l) => `${l}\n`).join('')}
function App() {
  const [count, setCount] = useState(0)

  return (
    <main${main}>
      <h1${h1}>${title}</h1>
      <p>
        Edit <code>src/App</code> and save to test HMR.
      </p>
      <div>
        ${example}
      </div>
    </main>
  )
}

export default App
`;
}

function indexCss(tailwind: boolean, shadcn: boolean): string {
  if (shadcn) return `@import "tailwindcss";\n${SHADCN_THEME_CSS}`;
  const base = `:root {
  font-family: system-ui, Avenir, Helvetica, Arial, sans-serif;
  line-height: 1.5;
  color-scheme: light dark;
}

body {
  margin: 0;
  min-height: 100vh;
}
`;
  if (tailwind) return `@import "tailwindcss";\n\n${base}`;
  return `${base}
.app {
  max-width: 40rem;
  margin: 0 auto;
  padding: 2rem;
  text-align: center;
}
`;
}
