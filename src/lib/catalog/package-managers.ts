import { PACKAGE_MANAGERS } from '@/lib/schemas/projects';
import type { PackageManager, PackageManagerInfo } from './types';

/**
 * Sandboxes ship Node and npm only, and reach nothing but the npm registry. Corepack fetches Yarn
 * from its own site by default, so each manager is run from its npm package through `npx`,
 * pinned to the version written in package.json's `packageManager` field.
 */
const MANAGERS: Record<PackageManager, PackageManagerInfo> = {
  npm: { id: 'npm', label: 'npm', version: '11.19.1', command: 'npm', lockfile: 'package-lock.json' },
  pnpm: { id: 'pnpm', label: 'pnpm', version: '12.21.0', command: 'npx --yes pnpm@12.21.0', lockfile: 'pnpm-lock.yaml' },
  yarn: {
    id: 'yarn',
    label: 'Yarn',
    version: '4.18.1',
    command: 'npx --yes -p @yarnpkg/cli-dist@4.18.1 yarn',
    lockfile: 'yarn.lock',
  },
  bun: { id: 'bun', label: 'Bun', version: '1.4.5', command: 'npx --yes bun@1.4.5', lockfile: 'bun.lock' },
};

export const packageManagerCatalog: readonly PackageManagerInfo[] = PACKAGE_MANAGERS.map((id) => MANAGERS[id]);

export function getPackageManager(id: PackageManager): PackageManagerInfo {
  return MANAGERS[id];
}

/** `npm install`, `npx --yes pnpm@… install`, …: no lockfile flags, so a first install works. */
export function installCommand(id: PackageManager): string {
  return `${MANAGERS[id].command} install`;
}

/**
 * The install the setup pipeline runs, whose output streams to the setup log. Without a terminal npm
 * prints nothing until it is done (80 s of silence on a cold cache), so it is asked to log each
 * registry fetch as it happens; the other managers report progress on their own.
 */
export function setupInstallCommand(id: PackageManager): string {
  return id === 'npm' ? `${installCommand(id)} --loglevel=http` : installCommand(id);
}

/** `npm run dev`, `npx --yes bun@… run dev`, …; host and port live in the project's own config. */
export function runScriptCommand(id: PackageManager, script: string): string {
  return `${MANAGERS[id].command} run ${script}`;
}
