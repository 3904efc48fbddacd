import type { NpmPackage } from '@/lib/catalog';
import type { PackageJson } from '../types';

export function createPackageJson(slug: string, scripts: Record<string, string>): PackageJson {
  return { name: slug, version: '0.0.0', private: true, type: 'module', scripts, dependencies: {}, devDependencies: {} };
}

/** Adds packages; a later add of the same name wins, so callers can override a default range. */
export function addPackages(pkg: PackageJson, packages: readonly NpmPackage[]): void {
  for (const { name, version, dev } of packages) {
    delete (dev ? pkg.dependencies : pkg.devDependencies)[name];
    (dev ? pkg.devDependencies : pkg.dependencies)[name] = version;
  }
}

export const deps = (entries: Record<string, string>): NpmPackage[] =>
  Object.entries(entries).map(([name, version]) => ({ name, version }));

export const devDeps = (entries: Record<string, string>): NpmPackage[] =>
  Object.entries(entries).map(([name, version]) => ({ name, version, dev: true }));

/**
 * `name` or `name@range` (already validated upstream) → a dependency; a bare name gets `latest`,
 * which every package manager resolves on first install.
 */
export function parseDependencySpec(spec: string): NpmPackage {
  const at = spec.lastIndexOf('@');
  if (at > 0) return { name: spec.slice(0, at), version: spec.slice(at + 1) || 'latest' };
  return { name: spec, version: 'latest' };
}

const sortKeys = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** package.json text with sorted dependency maps (what npm itself writes back). */
export function serializePackageJson(pkg: PackageJson): string {
  const out: Record<string, unknown> = { ...pkg, dependencies: sortKeys(pkg.dependencies), devDependencies: sortKeys(pkg.devDependencies) };
  if (Object.keys(pkg.dependencies).length === 0) delete out.dependencies;
  if (Object.keys(pkg.devDependencies).length === 0) delete out.devDependencies;
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
