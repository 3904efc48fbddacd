import { VERSIONS } from '@/lib/catalog';
import { addPackages, devDeps, json } from '../shared/package-json';
import type { PackageJson } from '../types';
import { viteTsconfigNode } from '../vite/config';

export function vueTsconfigs(extraIncludes: string[]): Record<string, string> {
  return {
    'tsconfig.json': json({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }] }),
    'tsconfig.app.json': json({
      extends: '@vue/tsconfig/tsconfig.dom.json',
      compilerOptions: {
        tsBuildInfoFile: './node_modules/.tmp/tsconfig.app.tsbuildinfo',
        types: ['vite/client'],
        allowArbitraryExtensions: true,
        paths: { '@/*': ['./src/*'] },
        noUnusedLocals: true,
        noUnusedParameters: true,
        erasableSyntaxOnly: true,
        noFallthroughCasesInSwitch: true,
      },
      include: ['src/**/*.ts', 'src/**/*.tsx', 'src/**/*.vue', ...extraIncludes],
    }),
    'tsconfig.node.json': viteTsconfigNode(['vite.config.ts']),
  };
}

/** create-vue's flat config: eslint-plugin-vue essentials, with @vue/eslint-config-typescript when TS. */
export function vueEslint(pkg: PackageJson, ts: boolean, prettier: boolean): Record<string, string> {
  addPackages(pkg, devDeps({
    eslint: VERSIONS.eslint,
    '@eslint/js': VERSIONS['@eslint/js'],
    globals: VERSIONS.globals,
    'eslint-plugin-vue': VERSIONS['eslint-plugin-vue'],
    // A peer of eslint-plugin-vue, listed because Yarn does not install peers.
    'vue-eslint-parser': VERSIONS['vue-eslint-parser'],
    ...(ts ? { '@vue/eslint-config-typescript': VERSIONS['@vue/eslint-config-typescript'] } : {}),
    ...(prettier ? { 'eslint-config-prettier': VERSIONS['eslint-config-prettier'] } : {}),
  }));
  pkg.scripts.lint = 'eslint .';
  const imports = [
    `import js from '@eslint/js'`,
    `import globals from 'globals'`,
    `import pluginVue from 'eslint-plugin-vue'`,
    ...(ts ? [`import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'`] : []),
    ...(prettier ? [`import prettier from 'eslint-config-prettier/flat'`] : []),
    `import { globalIgnores } from 'eslint/config'`,
  ];
  const configs = [
    `{ name: 'app/files-to-lint', files: ['**/*.{${ts ? 'ts,mts,tsx,' : ''}js,mjs,jsx,vue}'] }`,
    `globalIgnores(['**/dist/**', '**/dist-ssr/**', '**/coverage/**', 'auto-imports.d.ts', 'components.d.ts'])`,
    `{ languageOptions: { globals: { ...globals.browser } } }`,
    'js.configs.recommended',
    "...pluginVue.configs['flat/essential']",
    ...(ts ? ['vueTsConfigs.recommended'] : []),
    ...(prettier ? ['prettier'] : []),
  ];
  const body = ts
    ? `export default defineConfigWithVueTs(\n  ${configs.join(',\n  ')},\n)\n`
    : `export default [\n  ${configs.join(',\n  ')},\n]\n`;
  return { 'eslint.config.js': `${imports.join('\n')}\n\n${body}` };
}
