import { describe, expect, it } from 'vitest';
import { isIgnored } from './ignore';

describe('isIgnored', () => {
  it('skips dependencies, caches, logs and OS litter at any depth, and build output at the root', () => {
    for (const path of ['node_modules/react/index.js', 'apps/web/node_modules/x', '.git/HEAD', '.next/server/app.js', 'dist/assets/index.js', 'build/index.html', 'out/index.html', '.svelte-kit/output', 'coverage/lcov.info', 'npm-debug.log', 'logs/app.log', 'src/.DS_Store', 'tsconfig.tsbuildinfo']) {
      expect(isIgnored(path), path).toBe(true);
    }
  });

  it('keeps sources, including ones whose names only resemble ignored folders', () => {
    for (const path of ['src/App.tsx', 'package.json', '.gitignore', '.env', 'src/distance.ts', 'docs/building.md', 'src/logger.ts', 'changelog.md', '.github/workflows/ci.yml', 'src/build/helpers.ts', 'src/components/out/Panel.tsx', 'docs/coverage/report.md']) {
      expect(isIgnored(path), path).toBe(false);
    }
  });
});
