import { VERSIONS } from '@/lib/catalog';
import { addPackages } from '../shared/package-json';
import type { PackageJson } from '../types';

/** The flat config create-vite shipped before it moved to oxlint, with typescript-eslint when TS. */
export function reactEslint(pkg: PackageJson, ts: boolean, prettier: boolean): Record<string, string> {
  const names = ['eslint', '@eslint/js', 'globals', 'eslint-plugin-react-hooks', 'eslint-plugin-react-refresh'] as const;
  addPackages(pkg, names.map((name) => ({ name, version: VERSIONS[name], dev: true })));
  if (ts) addPackages(pkg, [{ name: 'typescript-eslint', version: VERSIONS['typescript-eslint'], dev: true }]);
  if (prettier) addPackages(pkg, [{ name: 'eslint-config-prettier', version: VERSIONS['eslint-config-prettier'], dev: true }]);
  pkg.scripts.lint = 'eslint .';
  const imports = [
    `import js from '@eslint/js'`,
    `import globals from 'globals'`,
    `import reactHooks from 'eslint-plugin-react-hooks'`,
    `import reactRefresh from 'eslint-plugin-react-refresh'`,
    ...(ts ? [`import tseslint from 'typescript-eslint'`] : []),
    ...(prettier ? [`import prettier from 'eslint-config-prettier/flat'`] : []),
    `import { defineConfig, globalIgnores } from 'eslint/config'`,
  ];
  const extendsList = [
    'js.configs.recommended',
    ...(ts ? ['tseslint.configs.recommended'] : []),
    "reactHooks.configs.flat.recommended",
    'reactRefresh.configs.vite',
    ...(prettier ? ['prettier'] : []),
  ];
  const file = `${imports.join('\n')}

export default defineConfig([
  globalIgnores(['dist']),
  {
    files: ['**/*.{${ts ? 'ts,tsx' : 'js,jsx'}}'],
    extends: [${extendsList.join(', ')}],
    languageOptions: {
      ecmaVersion: 2023,
      globals: globals.browser,
    },
  },
])
`;
  return { 'eslint.config.js': file };
}
