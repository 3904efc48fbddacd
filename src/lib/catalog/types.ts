import type { Framework } from '@/lib/schemas/frameworks';
import type { PACKAGE_MANAGERS } from '@/lib/schemas/projects';
import type { UiLibraryId } from './ui-library-ids';

export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/** Which official scaffolder's layout a template reproduces. */
export type TemplateKind = 'vite' | 'create-next-app' | 'sv' | 'angular-cli';

/** An npm dependency as it lands in a generated package.json. */
export interface NpmPackage {
  name: string;
  /** A semver range, e.g. `^19.3.1`. */
  version: string;
  dev?: boolean;
}

export type Availability = { available: true } | { available: false; reason: string };

export interface FrameworkInfo {
  id: Framework;
  label: string;
  description: string;
  /** The framework's main npm package and the version the template installs. */
  package: NpmPackage;
  /** Major version shown on the framework card. */
  major: number;
  templateKind: TemplateKind;
  /** The meta-framework or bundler the template is built on, e.g. `Vite 8`, `SvelteKit 2`. */
  toolchain: string;
  /** `required` when the framework only supports TypeScript (Angular). */
  typescript: 'optional' | 'required';
  /** The package.json script that starts the dev server, e.g. `dev` or `start`. */
  devScript: string;
  defaultDevPort: number;
  /** Why a version other than the registry's latest major is pinned, when it is. */
  versionNote?: string;
}

export interface UiLibraryInfo {
  id: UiLibraryId;
  label: string;
  description: string;
  homepage: string;
  packages: NpmPackage[];
  /** Options the library cannot work without; the template turns them on. */
  requires: { tailwindcss?: boolean; typescript?: boolean };
  availability: Availability;
}

export interface PackageManagerInfo {
  id: PackageManager;
  label: string;
  version: string;
  /** How to invoke it in a sandbox that has only Node and npm. */
  command: string;
  lockfile: string;
}
