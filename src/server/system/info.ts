import packageJson from '../../../package.json';

export const APP_VERSION: string = packageJson.version;
const startedAt = Date.now();

/** Liveness: the process is up. It never touches the database. */
export function getLiveness() {
  return { status: 'ok' as const, version: APP_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
}
