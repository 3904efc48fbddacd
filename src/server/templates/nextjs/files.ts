import { VERSIONS } from '@/lib/catalog';
import { addPackages, json } from '../shared/package-json';
import type { PackageJson } from '../types';

export const NEXT_ENV_D_TS = `/// <reference types="next" />
/// <reference types="next/image-types/global" />
import "./.next/types/routes.d.ts";

// NOTE: This file should not be edited
// see https://nextjs.org/docs/app/api-reference/config/typescript for more information.
`;

export function nextConfig(ts: boolean): string {
  if (!ts) return `/** @type {import('next').NextConfig} */\nconst nextConfig = {};\n\nexport default nextConfig;\n`;
  return `import type { NextConfig } from "next";\n\nconst nextConfig: NextConfig = {};\n\nexport default nextConfig;\n`;
}

export const NEXT_TSCONFIG = json({
  compilerOptions: {
    target: 'ES2017',
    lib: ['dom', 'dom.iterable', 'esnext'],
    allowJs: true,
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    incremental: true,
    plugins: [{ name: 'next' }],
    paths: { '@/*': ['./*'] },
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts', '**/*.mts'],
  exclude: ['node_modules'],
});

export const NEXT_JSCONFIG = json({ compilerOptions: { paths: { '@/*': ['./*'] } } });

export const NEXT_POSTCSS = `const config = {\n  plugins: {\n    "@tailwindcss/postcss": {},\n  },\n};\n\nexport default config;\n`;

/** create-next-app's eslint.config.mjs (eslint-config-next's flat configs). */
export function nextEslint(pkg: PackageJson, ts: boolean, prettier: boolean): Record<string, string> {
  addPackages(pkg, [
    { name: 'eslint', version: VERSIONS['eslint-next'], dev: true },
    { name: 'eslint-config-next', version: VERSIONS['eslint-config-next'], dev: true },
    ...(prettier ? [{ name: 'eslint-config-prettier', version: VERSIONS['eslint-config-prettier'], dev: true }] : []),
  ]);
  pkg.scripts.lint = 'eslint';
  const imports = [
    'import { defineConfig, globalIgnores } from "eslint/config";',
    'import nextVitals from "eslint-config-next/core-web-vitals";',
    ...(ts ? ['import nextTs from "eslint-config-next/typescript";'] : []),
    ...(prettier ? ['import prettier from "eslint-config-prettier/flat";'] : []),
  ];
  const configs = ['...nextVitals', ...(ts ? ['...nextTs'] : []), ...(prettier ? ['prettier'] : [])];
  return {
    'eslint.config.mjs': `${imports.join('\n')}

const eslintConfig = defineConfig([
  ${configs.join(',\n  ')},
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts"]),
]);

export default eslintConfig;
`,
  };
}
