import { VERSIONS } from '@/lib/catalog';
import { addPackages, devDeps, json } from '../shared/package-json';
import type { PackageJson } from '../types';

/** sv's vite.config: SvelteKit options live in the `sveltekit()` plugin call. */
export function svelteViteConfig(tailwind: boolean, port: number): string {
  return `${tailwind ? "import tailwindcss from '@tailwindcss/vite';\n" : ''}import adapter from '@sveltejs/adapter-auto';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		${tailwind ? 'tailwindcss(),\n\t\t' : ''}sveltekit({
			compilerOptions: {
				// Force runes mode for the project, except for libraries. Can be removed in svelte 6.
				runes: ({ filename }) =>
					filename.split(/[/\\\\]/).includes('node_modules') ? undefined : true
			},
			// adapter-auto only supports some environments, see https://svelte.dev/docs/kit/adapter-auto for a list.
			adapter: adapter()
		})
	],
	server: {
		// Reachable from outside the sandbox, and behind the IDE's preview proxy.
		host: '0.0.0.0',
		port: ${port},
		strictPort: true,
		allowedHosts: true
	}
});
`;
}

export const SVELTE_TSCONFIG = json({
  extends: './.svelte-kit/tsconfig.json',
  compilerOptions: {
    rewriteRelativeImportExtensions: true,
    allowJs: true,
    checkJs: true,
    esModuleInterop: true,
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    sourceMap: true,
    strict: true,
    moduleResolution: 'bundler',
  },
});

export const SVELTE_JSCONFIG = json({
  extends: './.svelte-kit/tsconfig.json',
  compilerOptions: { allowJs: true, checkJs: false, moduleResolution: 'bundler' },
});

export const APP_D_TS = `// See https://svelte.dev/docs/kit/types#app.d.ts
// for information about these interfaces
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
`;

export function appHtml(theme?: string): string {
  return `<!doctype html>
<html lang="en"${theme ? ` data-theme="${theme}"` : ''}>
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<meta name="text-scale" content="scale" />
		%sveltekit.head%
	</head>
	<body data-sveltekit-preload-data="hover">
		<div style="display: contents">%sveltekit.body%</div>
	</body>
</html>
`;
}

/** sv's eslint add-on: eslint-plugin-svelte's flat config, typescript-eslint when TS. */
export function svelteEslint(pkg: PackageJson, ts: boolean, prettier: boolean): Record<string, string> {
  addPackages(pkg, devDeps({
    eslint: VERSIONS.eslint,
    '@eslint/js': VERSIONS['@eslint/js'],
    globals: VERSIONS.globals,
    'eslint-plugin-svelte': VERSIONS['eslint-plugin-svelte'],
    ...(ts ? { 'typescript-eslint': VERSIONS['typescript-eslint'] } : {}),
    ...(prettier ? { 'eslint-config-prettier': VERSIONS['eslint-config-prettier'] } : {}),
  }));
  pkg.scripts.lint = 'eslint .';
  const imports = [
    `import js from '@eslint/js';`,
    `import svelte from 'eslint-plugin-svelte';`,
    `import globals from 'globals';`,
    ...(ts ? [`import ts from 'typescript-eslint';`] : []),
    ...(prettier ? [`import prettier from 'eslint-config-prettier';`] : []),
    `import { defineConfig, globalIgnores } from 'eslint/config';`,
  ];
  const configs = [
    'js.configs.recommended',
    ...(ts ? ['...ts.configs.recommended'] : []),
    '...svelte.configs.recommended',
    ...(prettier ? ['prettier', '...svelte.configs.prettier'] : []),
    `{ languageOptions: { globals: { ...globals.browser, ...globals.node } }${ts ? ", rules: { 'no-undef': 'off' }" : ''} }`,
  ];
  if (ts) {
    configs.push(`{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser } }
	}`);
  }
  return {
    'eslint.config.js': `${imports.join('\n')}

export default defineConfig(
	globalIgnores(['.svelte-kit/', 'build/', 'node_modules/']),
	${configs.join(',\n\t')}
);
`,
  };
}
