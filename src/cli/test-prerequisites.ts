/**
 * `npm test`'s pretest step. The suites need two Debian packages that npm cannot install:
 * Chromium (Playwright drives /usr/bin/chromium; no browser is ever downloaded) and bubblewrap
 * (the local sandbox's isolation, whose tests run the real thing). As root with apt-get, this
 * installs what is missing; otherwise it stops at once with the command that fixes it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface Requirement {
  /** Debian package that provides it. */
  pkg: string;
  /** Absolute paths, any of which satisfies it. */
  paths: string[];
  why: string;
}

export const REQUIREMENTS: Requirement[] = [
  { pkg: 'chromium', paths: ['/usr/bin/chromium'], why: 'Playwright runs the browser tests in Debian’s Chromium' },
  { pkg: 'bubblewrap', paths: ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'], why: 'the local sandbox isolates processes with bwrap' },
];

export const missingRequirements = (requirements = REQUIREMENTS, exists: (file: string) => boolean = existsSync): Requirement[] =>
  requirements.filter((requirement) => !requirement.paths.some((candidate) => exists(candidate)));

export const installCommand = (missing: Requirement[], asRoot: boolean): string =>
  `${asRoot ? '' : 'sudo '}apt-get install ${missing.map((requirement) => requirement.pkg).join(' ')}`;

function onPath(command: string): boolean {
  // eslint-disable-next-line no-restricted-properties -- a CLI step before the app's env module applies
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

function run(command: string, args: string[]): boolean {
  // eslint-disable-next-line no-restricted-properties -- passes the caller's environment on to apt-get
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
}

function main(): number {
  let missing = missingRequirements();
  if (missing.length === 0) return 0;

  const asRoot = process.getuid?.() === 0;
  const list = missing.map((requirement) => `  - ${requirement.pkg}: ${requirement.why}`).join('\n');
  if (asRoot && onPath('apt-get')) {
    console.log(`npm test needs Debian packages that are missing; installing them:\n${list}`);
    const installed = run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', ...missing.map((r) => r.pkg)]);
    missing = missingRequirements();
    if (installed && missing.length === 0) return 0;
  }
  console.error(
    `npm test cannot run here yet. Missing:\n${list}\n\nRun this, then npm test again:\n\n  ${installCommand(missing, asRoot)}\n` +
      (onPath('apt-get') ? '' : '\n(This machine has no apt-get: install the same programs with its package manager.)\n'),
  );
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
