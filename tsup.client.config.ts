import { defineConfig } from 'tsup';
import pkg from './package.json' with { type: 'json' };

/**
 * `aura-ide/client`: the typed client and shared schemas as plain ESM plus one declaration file,
 * with Aura's `@/*` imports resolved, so that code outside this repo needs no path alias.
 * Dependencies stay imports (an app that uses the client installs them, or resolves them here).
 */
export default defineConfig({
  entry: { index: 'src/client/index.ts' },
  outDir: 'dist/client',
  format: ['esm'],
  target: 'node20',
  platform: 'neutral',
  dts: { resolve: false, compilerOptions: { incremental: false, composite: false } },
  clean: true,
  external: [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)],
});
