import { frameworkCatalog, uiLibrariesFor, type UiLibraryId } from '@/lib/catalog';
import { FRAMEWORKS, type Framework } from '@/lib/schemas/frameworks';
import { PACKAGE_MANAGERS, projectConfigurationSchema, type ProjectConfiguration } from '@/lib/schemas/projects';

/** One project `verify:templates` renders, installs and builds. */
export interface Combination {
  framework: Framework;
  uiLibrary: UiLibraryId;
  configuration: ProjectConfiguration;
  kind: 'pair' | 'options';
}

const DEFAULTS = projectConfigurationSchema.parse({});
const BOOLEAN_OPTIONS = ['typescript', 'eslint', 'prettier', 'tailwindcss'] as const;

/** Every framework × available UI library, with the default options. */
export function libraryPairs(): Combination[] {
  return frameworkCatalog.flatMap((framework) =>
    uiLibrariesFor(framework.id)
      .filter((library) => library.availability.available)
      .map((library) => ({ framework: framework.id, uiLibrary: library.id, configuration: DEFAULTS, kind: 'pair' as const })),
  );
}

/**
 * A greedy all-pairs covering array over framework × package manager × the four boolean options:
 * every option value meets every framework, and every two option values meet at least once.
 * Each framework's rows rotate through its available UI libraries, for extra coverage.
 */
export function optionSample(): Combination[] {
  const seen = new Map<Framework, number>();
  return pairwiseRows().map((row) => {
    const { framework, ...options } = row;
    const n = seen.get(framework) ?? 0;
    seen.set(framework, n + 1);
    // Skip libraries that would switch an option back on (shadcn forces Tailwind, …).
    const libraries = uiLibrariesFor(framework).filter(
      (l) => l.availability.available && (options.typescript || !l.requires.typescript) && (options.tailwindcss || !l.requires.tailwindcss),
    );
    return {
      framework,
      uiLibrary: libraries[n % libraries.length]?.id ?? 'none',
      configuration: { ...DEFAULTS, ...options },
      kind: 'options' as const,
    };
  });
}

type Row = Pick<ProjectConfiguration, (typeof BOOLEAN_OPTIONS)[number] | 'packageManager'> & { framework: Framework };
type Factor = { name: keyof Row; values: readonly (boolean | string)[] };
const FACTORS: Factor[] = [
  { name: 'framework', values: FRAMEWORKS },
  { name: 'packageManager', values: PACKAGE_MANAGERS },
  ...BOOLEAN_OPTIONS.map((name) => ({ name, values: [true, false] })),
];

function pairwiseRows(): Row[] {
  const key = (a: number, av: unknown, b: number, bv: unknown) => `${a}=${String(av)}|${b}=${String(bv)}`;
  const uncovered = new Set<string>();
  FACTORS.forEach((fa, a) =>
    FACTORS.forEach((fb, b) => {
      if (b > a) fa.values.forEach((av) => fb.values.forEach((bv) => uncovered.add(key(a, av, b, bv))));
    }),
  );
  const rows: Row[] = [];
  while (uncovered.size > 0) {
    // Seed with the first uncovered pair, then pick each other value to cover the most pairs.
    const [seed = ''] = uncovered;
    const [[fa, va] = [], [fb, vb] = []] = seed.split('|').map((part) => part.split('='));
    const values: unknown[] = [];
    FACTORS.forEach((factor, f) => {
      const forced = String(f) === fa ? va : String(f) === fb ? vb : undefined;
      let best = factor.values.find((v) => String(v) === forced) ?? factor.values[0];
      if (forced === undefined) {
        let bestGain = -1;
        for (const candidate of factor.values) {
          const gain = values.filter((v, g) => uncovered.has(key(g, v, f, candidate))).length;
          if (gain > bestGain) [best, bestGain] = [candidate, gain];
        }
      }
      values.push(best);
    });
    FACTORS.forEach((_, a) => FACTORS.forEach((__, b) => b > a && uncovered.delete(key(a, values[a], b, values[b]))));
    rows.push(Object.fromEntries(FACTORS.map((factor, f) => [factor.name, values[f]])) as Row);
  }
  return rows;
}

export function describeOptions(c: ProjectConfiguration): string {
  const flags = BOOLEAN_OPTIONS.map((o) => `${c[o] ? '+' : '-'}${o === 'typescript' ? 'ts' : o === 'tailwindcss' ? 'tailwind' : o}`);
  return [...flags, c.packageManager].join(' ');
}
