const COMMON = ['# dependencies', 'node_modules', '.pnp', '.pnp.*', '.yarn/*', '', '# logs', '*.log', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', 'pnpm-debug.log*', '', '# editors', '.idea', '.DS_Store', '*.sw?', '', '# env', '.env', '.env.*', '!.env.example'];

export function gitignore(outputs: string[]): string {
  return `${[...COMMON, '', '# build output', ...outputs].join('\n')}\n`;
}
