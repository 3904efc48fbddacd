import { json } from '../shared/package-json';
import type { AngularUiWiring } from './ui';

/** angular.json as `ng new --standalone --zoneless --style=css --skip-tests` writes it, plus host/port. */
export function angularJson(opts: { name: string; port: number; ui: AngularUiWiring; eslint: boolean; pm: string }): string {
  const { name, ui } = opts;
  const build = {
    builder: '@angular/build:application',
    defaultConfiguration: 'production',
    options: {
      browser: 'src/main.ts',
      ...(ui.polyfills.length > 0 ? { polyfills: ui.polyfills } : {}),
      tsConfig: 'tsconfig.app.json',
      assets: [{ glob: '**/*', input: 'public' }],
      styles: [...ui.styles, 'src/styles.css'],
    },
    configurations: {
      production: {
        budgets: [
          { type: 'initial', maximumWarning: '1MB', maximumError: '2MB' },
          { type: 'anyComponentStyle', maximumWarning: '4kB', maximumError: '8kB' },
        ],
        outputHashing: 'all',
      },
      development: { optimization: false, extractLicenses: false, sourceMap: true },
    },
  };
  const serve = {
    builder: '@angular/build:dev-server',
    defaultConfiguration: 'development',
    // Reachable from outside the sandbox, and behind the IDE's preview proxy.
    options: { host: '0.0.0.0', port: opts.port, allowedHosts: true },
    configurations: {
      production: { buildTarget: `${name}:build:production` },
      development: { buildTarget: `${name}:build:development` },
    },
  };
  const lint = {
    builder: '@angular-eslint/builder:lint',
    options: { lintFilePatterns: ['src/**/*.ts', 'src/**/*.html'] },
  };
  return json({
    $schema: './node_modules/@angular/cli/lib/config/schema.json',
    version: 1,
    cli: { packageManager: opts.pm, analytics: false, ...(opts.eslint ? { schematicCollections: ['angular-eslint'] } : {}) },
    newProjectRoot: 'projects',
    projects: {
      [name]: {
        projectType: 'application',
        schematics: { '@schematics/angular:component': { skipTests: true } },
        root: '',
        sourceRoot: 'src',
        prefix: 'app',
        architect: { build, serve, ...(opts.eslint ? { lint } : {}) },
      },
    },
  });
}

export const ANGULAR_TSCONFIG = `/* To learn more about Typescript configuration file: https://www.typescriptlang.org/docs/handbook/tsconfig-json.html. */
/* To learn more about Angular compiler options: https://angular.dev/reference/configs/angular-compiler-options. */
${json({
  compileOnSave: false,
  compilerOptions: {
    strict: true,
    noImplicitOverride: true,
    noPropertyAccessFromIndexSignature: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    skipLibCheck: true,
    isolatedModules: true,
    experimentalDecorators: true,
    importHelpers: true,
    target: 'ES2022',
    module: 'preserve',
  },
  angularCompilerOptions: {
    enableI18nLegacyMessageIdFormat: false,
    strictInjectionParameters: true,
    strictInputAccessModifiers: true,
    strictTemplates: true,
  },
  files: [],
  references: [{ path: './tsconfig.app.json' }],
})}`;

export const tsconfigApp = (types: string[]): string =>
  json({
    extends: './tsconfig.json',
    compilerOptions: { outDir: './out-tsc/app', types },
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.spec.ts'],
  });

export const EDITORCONFIG = `# Editor configuration, see https://editorconfig.org
root = true

[*]
charset = utf-8
indent_style = space
indent_size = 2
insert_final_newline = true
trim_trailing_whitespace = true

[*.ts]
quote_type = single

[*.md]
max_line_length = off
trim_trailing_whitespace = false
`;
