import { describe, expect, it } from 'vitest';
import { uiLibrariesFor } from '@/lib/catalog';
import { FRAMEWORKS, type Framework } from '@/lib/schemas/frameworks';
import { projectConfigurationSchema, type ProjectConfiguration } from '@/lib/schemas/projects';
import { renderTemplate, UnavailableTemplateError, type TemplateInput } from './index';

const DEFAULTS = projectConfigurationSchema.parse({});

function render(framework: Framework, uiLibrary: TemplateInput['uiLibrary'] = 'none', options: Partial<ProjectConfiguration> = {}) {
  const result = renderTemplate({ framework, uiLibrary, configuration: { ...DEFAULTS, ...options }, projectName: 'My App' });
  const files = new Map(result.files.map((f) => [f.path, f.content]));
  const pkg = JSON.parse(files.get('package.json') ?? '{}') as {
    scripts: Record<string, string>;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    packageManager?: string;
  };
  const allDeps = { ...pkg.dependencies, ...pkg.devDependencies };
  return { result, files, pkg, allDeps, paths: result.files.map((f) => f.path) };
}

/** Vue libraries whose components are registered globally rather than imported per page. */
const GLOBAL_COMPONENTS: Partial<Record<string, string>> = { vuetify: '<v-btn', quasar: '<q-btn', 'nuxt-ui': '<UButton' };

/** The start page each framework's template shows. */
const START_PAGE: Record<Framework, (paths: string[]) => string | undefined> = {
  react: (paths) => paths.find((p) => /^src\/App\.(t|j)sx$/.test(p)),
  nextjs: (paths) => paths.find((p) => /^app\/counter\.(tsx|js)$/.test(p)),
  svelte: () => 'src/routes/+page.svelte',
  vue: () => 'src/App.vue',
  angular: () => 'src/app/app.ts',
};

describe.each(FRAMEWORKS)('%s template', (framework) => {
  it('matches the snapshot of its default file tree and package.json', () => {
    const { paths, files } = render(framework);
    expect(paths).toMatchSnapshot('paths');
    expect(files.get('package.json')).toMatchSnapshot('package.json');
  });

  it('writes JavaScript only when TypeScript is off (Angular stays TypeScript)', () => {
    const { paths } = render(framework, 'none', { typescript: false });
    const tsFiles = paths.filter((p) => /\.(ts|tsx|mts)$/.test(p));
    if (framework === 'angular') expect(tsFiles).toContain('src/main.ts');
    else expect(tsFiles).toEqual([]);
  });

  it('adds Tailwind 4 and imports it when Tailwind is on, and not when off', () => {
    const on = render(framework, 'none', { tailwindcss: true });
    expect(on.allDeps.tailwindcss).toMatch(/^\^4\./);
    expect([...on.files.values()].some((c) => c.includes('@import "tailwindcss"') || c.includes("@import 'tailwindcss'"))).toBe(true);
    const plugin = framework === 'nextjs' ? 'postcss.config.mjs' : framework === 'angular' ? '.postcssrc.json' : undefined;
    if (plugin) expect(on.files.get(plugin)).toContain('@tailwindcss/postcss');
    else expect([...on.files.entries()].find(([p]) => p.startsWith('vite.config'))?.[1]).toContain('tailwindcss()');
    const off = render(framework, 'none', { tailwindcss: false });
    expect(off.allDeps.tailwindcss).toBeUndefined();
  });

  it('adds ESLint and Prettier configs only when chosen', () => {
    const on = render(framework, 'none', { eslint: true, prettier: true });
    expect(on.paths.some((p) => p.startsWith('eslint.config'))).toBe(true);
    expect(on.paths).toContain('.prettierrc');
    expect(on.pkg.scripts.lint).toBeDefined();
    expect(on.pkg.scripts.format).toBe('prettier --write .');
    const off = render(framework, 'none', { eslint: false, prettier: false });
    expect(off.paths.some((p) => p.startsWith('eslint.config') || p === '.prettierrc')).toBe(false);
    expect(off.allDeps.eslint).toBeUndefined();
    expect(off.allDeps.prettier).toBeUndefined();
  });

  it.each(uiLibrariesFor(framework).filter((l) => l.availability.available && l.id !== 'none'))(
    'installs $label and uses it on the start page',
    (library) => {
      const { allDeps, files, paths } = render(framework, library.id);
      for (const p of library.packages) expect(allDeps[p.name]).toBe(p.version);
      const page = files.get(START_PAGE[framework](paths) ?? '') ?? '';
      const main = library.packages[0]?.name ?? '';
      const imports = (text: string) => text.includes(`'${main}`) || text.includes(`"${main}`);
      const registered = GLOBAL_COMPONENTS[library.id];
      if (registered) {
        // Registered app-wide in main.ts by the library's plugin; the page uses its component.
        expect(imports(files.get('src/main.ts') ?? '')).toBe(true);
        expect(page).toContain(registered);
      } else {
        expect(imports(page) || page.includes('components/ui/button'), `${library.id} imported on the start page`).toBe(true);
      }
    },
  );

  it('gives a README and a dev server on 0.0.0.0 at the catalog port', () => {
    const { result, files } = render(framework);
    expect(files.get('README.md')).toContain('# My App');
    const text = [...files.values()].join('\n');
    expect(text).toContain('0.0.0.0');
    expect(text).toContain(String(result.devPort));
  });
});

describe('renderTemplate', () => {
  it('refuses a UI library the catalog marks unavailable, with its reason', () => {
    expect(() => render('svelte', 'smelte')).toThrow(UnavailableTemplateError);
    expect(() => render('svelte', 'smelte')).toThrow(/Svelte 3/);
    expect(() => render('react', 'vuetify')).toThrow(/no UI library/);
  });

  it('adds additionalDependencies to dependencies, with a range or as latest', () => {
    const { pkg } = render('react', 'none', { additionalDependencies: ['zod@^4.1.0', '@tanstack/react-query', 'lodash'] });
    expect(pkg.dependencies).toMatchObject({ zod: '^4.1.0', '@tanstack/react-query': 'latest', lodash: 'latest' });
  });

  it.each([
    ['npm', 'npm install', 'npm run dev', 'npm@'],
    ['pnpm', 'npx --yes pnpm@12.21.0 install', 'npx --yes pnpm@12.21.0 run dev', 'pnpm@12.21.0'],
    ['yarn', 'npx --yes -p @yarnpkg/cli-dist@4.18.1 yarn install', 'npx --yes -p @yarnpkg/cli-dist@4.18.1 yarn run dev', 'yarn@4.18.1'],
    ['bun', 'npx --yes bun@1.4.5 install', 'npx --yes bun@1.4.5 run dev', 'bun@1.4.5'],
  ] as const)('runs %s from npm and records it in packageManager', (packageManager, install, dev, field) => {
    const { result, pkg, files } = render('vue', 'none', { packageManager });
    expect(result.installCommand).toBe(install);
    expect(result.devCommand).toBe(dev);
    expect(pkg.packageManager?.startsWith(field)).toBe(true);
    expect(files.get('README.md')).toContain(install);
    if (packageManager === 'yarn') expect(files.get('.yarnrc.yml')).toContain('nodeLinker: node-modules');
    if (packageManager === 'pnpm') expect(files.get('pnpm-workspace.yaml')).toContain('allowBuilds');
  });

  it('turns on what a UI library needs: shadcn brings Tailwind, shadcn-svelte TypeScript', () => {
    expect(render('react', 'shadcn', { tailwindcss: false }).allDeps.tailwindcss).toBeDefined();
    expect(render('svelte', 'shadcn-svelte', { typescript: false }).paths).toContain('src/lib/utils.ts');
  });

  it('is pure: the same input gives deep-equal output and the input is not mutated', () => {
    const input: TemplateInput = {
      framework: 'nextjs',
      uiLibrary: 'mantine',
      configuration: { ...DEFAULTS, additionalDependencies: ['zod'] },
      projectName: 'Pure <App>',
    };
    const snapshot = structuredClone(input);
    const first = renderTemplate(input);
    expect(renderTemplate(input)).toEqual(first);
    expect(input).toEqual(snapshot);
    expect(renderTemplate({ ...input, uiLibrary: 'none' })).not.toEqual(first);
    expect(renderTemplate(input)).toEqual(first);
  });

  it('keeps a hostile project name out of markup and package.json', () => {
    const { files, pkg } = render('react', 'none', {});
    expect(pkg).toMatchObject({ name: 'my-app' });
    const hostile = renderTemplate({ framework: 'react', uiLibrary: 'none', configuration: DEFAULTS, projectName: '<script>"x"' });
    expect(hostile.files.find((f) => f.path === 'index.html')?.content).not.toContain('<script>"x"');
    expect(files.size).toBeGreaterThan(5);
  });
});
