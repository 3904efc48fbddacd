import { getPackageManager, type PackageManager } from '@/lib/catalog';
import type { PackageJson } from '../types';

/** Packages whose install scripts do real work (native binaries); pnpm 10+ runs only approved ones. */
const TRUSTED_BUILDS = ['esbuild', 'sharp', '@parcel/watcher', 'lmdb', 'msgpackr-extract', 'unrs-resolver', '@tailwindcss/oxide'];

/**
 * Sets `packageManager` and writes the manager's own config so a first install works in CI and in
 * a sandbox: Yarn with node_modules (Angular, Next and Vite tooling assume it) and mutable
 * lockfiles; pnpm with the native builds approved, unknown ones only warned about, and no
 * self-download of the pinned version.
 */
export function packageManagerFiles(pm: PackageManager, pkg: PackageJson): Record<string, string> {
  pkg.packageManager = `${pm}@${getPackageManager(pm).version}`;
  if (pm === 'yarn') {
    return { '.yarnrc.yml': 'nodeLinker: node-modules\nenableImmutableInstalls: false\nenableTelemetry: false\n' };
  }
  if (pm === 'pnpm') {
    const allow = TRUSTED_BUILDS.map((name) => `  '${name}': true`).join('\n');
    // pmOnFail: the sandbox already runs the pinned pnpm through npx; pnpm must not fetch @pnpm/exe itself.
    return { 'pnpm-workspace.yaml': `packages:\n  - '.'\n\nallowBuilds:\n${allow}\nstrictDepBuilds: false\npmOnFail: ignore\n` };
  }
  return {};
}
