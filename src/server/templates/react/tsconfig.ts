import { viteTsconfigNode } from '../vite/config';

export function reactTsconfigs(srcAlias: boolean): Record<string, string> {
  const app = {
    compilerOptions: {
      tsBuildInfoFile: './node_modules/.tmp/tsconfig.app.tsbuildinfo',
      target: 'es2023',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'esnext',
      types: ['vite/client'],
      allowArbitraryExtensions: true,
      skipLibCheck: true,
      moduleResolution: 'bundler',
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
      moduleDetection: 'force',
      noEmit: true,
      jsx: 'react-jsx',
      noUnusedLocals: true,
      noUnusedParameters: true,
      erasableSyntaxOnly: true,
      noFallthroughCasesInSwitch: true,
      ...(srcAlias ? { paths: { '@/*': ['./src/*'] } } : {}),
    },
    include: ['src'],
  };
  const root = {
    files: [],
    references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }],
    // shadcn's CLI reads the alias from the root config.
    ...(srcAlias ? { compilerOptions: { paths: { '@/*': ['./src/*'] } } } : {}),
  };
  return {
    'tsconfig.json': `${JSON.stringify(root, null, 2)}\n`,
    'tsconfig.app.json': `${JSON.stringify(app, null, 2)}\n`,
    'tsconfig.node.json': viteTsconfigNode(['vite.config.ts']),
  };
}
