import { getUiLibrary, VERSIONS } from '@/lib/catalog';
import { gitignore } from '../shared/gitignore';
import { addPackages, createPackageJson, deps, devDeps, json } from '../shared/package-json';
import type { FrameworkTemplate, PackageJson, RenderContext } from '../types';
import { APP_CSS, APP_ROUTES_TS, appConfigTs, appHtml, appTs, FAVICON_SVG, indexHtml, mainTs } from './app-files';
import { angularUiWiring } from './ui';
import { ANGULAR_TSCONFIG, angularJson, EDITORCONFIG, tsconfigApp } from './workspace';

const ANGULAR_PACKAGES = ['common', 'compiler', 'core', 'forms', 'platform-browser', 'router'];

/** `ng new --standalone --zoneless --style=css --skip-tests`: Angular is TypeScript-only. */
export function renderAngular(ctx: RenderContext): FrameworkTemplate {
  const { config, input } = ctx;
  const ui = angularUiWiring(input.uiLibrary);
  const pkg = createPackageJson(ctx.slug, {
    ng: 'ng',
    start: 'ng serve',
    build: 'ng build',
    watch: 'ng build --watch --configuration development',
  });
  delete pkg.type;
  addPackages(pkg, [
    ...ANGULAR_PACKAGES.map((p) => ({ name: `@angular/${p}`, version: VERSIONS.angular })),
    ...deps({ rxjs: VERSIONS.rxjs, tslib: VERSIONS.tslib }),
    ...devDeps({
      '@angular/build': VERSIONS['@angular/build'],
      '@angular/cli': VERSIONS['@angular/cli'],
      '@angular/compiler-cli': VERSIONS.angular,
      typescript: VERSIONS['typescript-angular'],
    }),
  ]);
  addPackages(pkg, getUiLibrary(input.framework, input.uiLibrary)?.packages ?? []);

  const files: Record<string, string> = {
    '.editorconfig': EDITORCONFIG,
    '.gitignore': gitignore(['/dist', '/tmp', '/out-tsc', '/.angular/cache', '.sass-cache/', '/coverage']),
    'angular.json': angularJson({ name: ctx.slug, port: ctx.port, ui, eslint: config.eslint, pm: config.packageManager }),
    'tsconfig.json': ANGULAR_TSCONFIG,
    'tsconfig.app.json': tsconfigApp(ui.types),
    'public/favicon.svg': FAVICON_SVG,
    'src/index.html': indexHtml(ctx.title),
    'src/main.ts': mainTs(ui),
    'src/styles.css': config.tailwindcss ? '@import "tailwindcss";\n' : '/* You can add global styles to this file, and also import other style files */\n',
    'src/app/app.ts': appTs(ctx.title, ui),
    'src/app/app.html': appHtml(ui, config.tailwindcss),
    'src/app/app.css': APP_CSS,
    'src/app/app.config.ts': appConfigTs(ui),
    'src/app/app.routes.ts': APP_ROUTES_TS,
  };
  if (config.tailwindcss) {
    // `ng add tailwindcss`: Angular's esbuild builder picks up PostCSS plugins from .postcssrc.json.
    addPackages(pkg, devDeps({ tailwindcss: VERSIONS.tailwindcss, '@tailwindcss/postcss': VERSIONS['@tailwindcss/postcss'], postcss: VERSIONS.postcss }));
    files['.postcssrc.json'] = json({ plugins: { '@tailwindcss/postcss': {} } });
  }
  if (config.eslint) Object.assign(files, angularEslint(pkg, config.prettier));
  return { files, packageJson: pkg, buildOutputs: ['dist', '.angular', 'out-tsc'] };
}

/** `ng add angular-eslint`'s flat config. */
function angularEslint(pkg: PackageJson, prettier: boolean): Record<string, string> {
  addPackages(pkg, devDeps({
    eslint: VERSIONS.eslint,
    '@eslint/js': VERSIONS['@eslint/js'],
    'angular-eslint': VERSIONS['angular-eslint'],
    'typescript-eslint': VERSIONS['typescript-eslint'],
    ...(prettier ? { 'eslint-config-prettier': VERSIONS['eslint-config-prettier'] } : {}),
  }));
  pkg.scripts.lint = 'ng lint';
  return {
    'eslint.config.js': `// @ts-check
const eslint = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');
${prettier ? "const prettier = require('eslint-config-prettier/flat');\n" : ''}
module.exports = defineConfig([
  {
    files: ['**/*.ts'],
    extends: [
      eslint.configs.recommended,
      tseslint.configs.recommended,
      tseslint.configs.stylistic,
      angular.configs.tsRecommended,${prettier ? '\n      prettier,' : ''}
    ],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
    },
  },
  {
    files: ['**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
  },
]);
`,
  };
}
