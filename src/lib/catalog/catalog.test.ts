import { describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '@/lib/schemas/frameworks';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import {
  checkUiLibrary,
  effectiveConfiguration,
  frameworkCatalog,
  frameworkUiLibrarySchema,
  getFramework,
  isUiLibraryAvailable,
  uiLibrariesFor,
} from './index';

describe('framework catalog', () => {
  it('lists the five frameworks in order, each with a version, template kind and dev port', () => {
    expect(frameworkCatalog.map((f) => f.id)).toEqual([...FRAMEWORKS]);
    for (const framework of frameworkCatalog) {
      expect(framework.package.version).toMatch(new RegExp(`^[\\^~]?${framework.major}\\.`));
      expect(framework.defaultDevPort).toBeGreaterThan(1024);
    }
    expect(getFramework('angular').typescript).toBe('required');
  });

  it('offers none plus every UI library the seed lists, and Radix, for each framework', () => {
    const ids = (f: (typeof FRAMEWORKS)[number]) => uiLibrariesFor(f).map((l) => l.id);
    expect(ids('react')).toEqual(['none', 'shadcn', 'chakra-ui', 'mantine', 'antd', 'radix']);
    expect(ids('nextjs')).toEqual(['none', 'shadcn', 'nextui', 'chakra-ui', 'mantine', 'radix']);
    expect(ids('svelte')).toEqual(['none', 'shadcn-svelte', 'skeleton', 'smelte', 'radix']);
    expect(ids('vue')).toEqual(['none', 'vuetify', 'quasar', 'primevue', 'naive-ui', 'nuxt-ui', 'radix']);
    expect(ids('angular')).toEqual(['none', 'angular-material', 'ng-bootstrap', 'primeng', 'radix']);
    expect(uiLibrariesFor('nextjs').find((l) => l.id === 'nextui')?.label).toBe('HeroUI (formerly NextUI)');
  });
});

describe('checkUiLibrary', () => {
  it('accepts an available pair and refuses an unavailable one with its reason', () => {
    expect(checkUiLibrary('react', 'shadcn').ok).toBe(true);
    expect(isUiLibraryAvailable('svelte', 'smelte')).toBe(false);
    const smelte = checkUiLibrary('svelte', 'smelte');
    expect(smelte.ok).toBe(false);
    if (!smelte.ok) expect(smelte.reason).toMatch(/Svelte 3/);
  });

  it('refuses a library from another framework', () => {
    const check = checkUiLibrary('angular', 'vuetify');
    expect(check).toEqual({ ok: false, reason: 'Angular has no UI library “vuetify”.' });
  });

  it('reports the reason on uiLibrary through the Zod schema', () => {
    const result = frameworkUiLibrarySchema.safeParse({ framework: 'svelte', uiLibrary: 'smelte' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['uiLibrary']);
    expect(frameworkUiLibrarySchema.safeParse({ framework: 'vue', uiLibrary: 'nope' }).success).toBe(false);
    expect(frameworkUiLibrarySchema.safeParse({ framework: 'vue', uiLibrary: 'radix' }).success).toBe(true);
  });
});

describe('effectiveConfiguration', () => {
  const defaults = projectConfigurationSchema.parse({});
  it('turns on what the framework or library requires', () => {
    expect(effectiveConfiguration('angular', 'none', { ...defaults, typescript: false }).typescript).toBe(true);
    expect(effectiveConfiguration('react', 'shadcn', { ...defaults, tailwindcss: false }).tailwindcss).toBe(true);
    expect(effectiveConfiguration('react', 'antd', { ...defaults, typescript: false }).typescript).toBe(false);
  });
});
