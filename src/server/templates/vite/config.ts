/** A vite.config for create-vite-style projects, bound to 0.0.0.0 on the catalog's port. */
export function viteConfig(opts: {
  imports: string[];
  plugins: string[];
  port: number;
  /** `@` → `./src`, as shadcn and the Vue templates expect. */
  srcAlias?: boolean;
}): string {
  const imports = [...opts.imports];
  if (opts.srcAlias) imports.unshift(`import { fileURLToPath, URL } from 'node:url'`);
  imports.push(`import { defineConfig } from 'vite'`);
  const alias = opts.srcAlias
    ? `\n  resolve: {\n    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },\n  },`
    : '';
  return `${imports.join('\n')}

// https://vite.dev/config/
export default defineConfig({
  plugins: [${opts.plugins.join(', ')}],${alias}
  server: {
    // Reachable from outside the sandbox, and behind the IDE's preview proxy.
    host: '0.0.0.0',
    port: ${opts.port},
    strictPort: true,
    allowedHosts: true,
  },
})
`;
}

export const viteTsconfigNode = (include: string[]): string =>
  `${JSON.stringify(
    {
      compilerOptions: {
        tsBuildInfoFile: './node_modules/.tmp/tsconfig.node.tsbuildinfo',
        target: 'es2023',
        lib: ['ES2023'],
        types: ['node'],
        skipLibCheck: true,
        module: 'nodenext',
        allowImportingTsExtensions: true,
        verbatimModuleSyntax: true,
        moduleDetection: 'force',
        noEmit: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        erasableSyntaxOnly: true,
        noFallthroughCasesInSwitch: true,
      },
      include,
    },
    null,
    2,
  )}\n`;

export function indexHtml(opts: { title: string; entry: string; mount: string; mountClass?: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${opts.title}</title>
  </head>
  <body>
    <div id="${opts.mount}"${opts.mountClass ? ` class="${opts.mountClass}"` : ''}></div>
    <script type="module" src="${opts.entry}"></script>
  </body>
</html>
`;
}

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#646cff"/><path d="M9 23 16 8l7 15h-4l-3-7-3 7z" fill="#fff"/></svg>
`;
