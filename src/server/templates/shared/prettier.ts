import { VERSIONS } from '@/lib/catalog';
import type { PackageJson } from '../types';
import { addPackages, json } from './package-json';

/** Prettier with the defaults create-vite/sv/ng use; `plugins` are npm names already added as deps. */
export function prettierFiles(pkg: PackageJson, ignored: string[], plugins: string[] = [], overrides: unknown[] = []): Record<string, string> {
  addPackages(pkg, [{ name: 'prettier', version: VERSIONS.prettier, dev: true }]);
  pkg.scripts.format = 'prettier --write .';
  pkg.scripts['format:check'] = 'prettier --check .';
  const config: Record<string, unknown> = { singleQuote: true, semi: false, printWidth: 100 };
  if (plugins.length > 0) config.plugins = plugins;
  if (overrides.length > 0) config.overrides = overrides;
  const ignore = ['node_modules', ...ignored, 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];
  return { '.prettierrc': json(config), '.prettierignore': `${ignore.join('\n')}\n` };
}
