import { describe, expect, it } from 'vitest';
import { frameworkCatalog, uiLibrariesFor } from '@/lib/catalog';
import { PACKAGE_MANAGERS } from '@/lib/schemas/projects';
import { libraryPairs, optionSample } from './combinations';

describe('verify:templates combinations', () => {
  it('covers every framework × available UI library pair once', () => {
    const available = frameworkCatalog.flatMap((f) => uiLibrariesFor(f.id).filter((l) => l.availability.available).map((l) => `${f.id}/${l.id}`));
    expect(libraryPairs().map((c) => `${c.framework}/${c.uiLibrary}`)).toEqual(available);
  });

  it('puts every option value with every framework, and every two option values together', () => {
    const sample = optionSample();
    const options = ['typescript', 'eslint', 'prettier', 'tailwindcss'] as const;
    for (const framework of frameworkCatalog) {
      const rows = sample.filter((c) => c.framework === framework.id).map((c) => c.configuration);
      for (const option of options) expect(new Set(rows.map((r) => r[option]))).toEqual(new Set([true, false]));
      expect(new Set(rows.map((r) => r.packageManager))).toEqual(new Set(PACKAGE_MANAGERS));
    }
    for (const a of options) {
      for (const b of options) {
        if (a === b) continue;
        for (const [va, vb] of [[true, true], [true, false], [false, true], [false, false]]) {
          expect(sample.some((c) => c.configuration[a] === va && c.configuration[b] === vb), `${a}=${va} ${b}=${vb}`).toBe(true);
        }
      }
    }
  });

  it('never samples a UI library that would override an option the row turns off', () => {
    for (const c of optionSample()) {
      const library = uiLibrariesFor(c.framework).find((l) => l.id === c.uiLibrary);
      if (!c.configuration.tailwindcss) expect(library?.requires.tailwindcss).toBeFalsy();
      if (!c.configuration.typescript) expect(library?.requires.typescript).toBeFalsy();
    }
  });
});
