import { getFramework, getUiLibrary } from '@/lib/catalog';
import type { RenderContext } from '../types';

export interface ReadmeCommands {
  install: string;
  dev: string;
  build: string;
  extra: Array<[string, string]>;
}

export function readme(ctx: RenderContext, commands: ReadmeCommands): string {
  const { input, config } = ctx;
  const framework = getFramework(input.framework);
  const ui = getUiLibrary(input.framework, input.uiLibrary);
  const options = [
    `- Language: ${config.typescript ? 'TypeScript' : 'JavaScript'}`,
    `- UI library: ${ui && ui.id !== 'none' ? `${ui.label} (${ui.homepage})` : 'none'}`,
    `- Tailwind CSS: ${config.tailwindcss ? 'yes (v4)' : 'no'}`,
    `- ESLint: ${config.eslint ? 'yes' : 'no'}`,
    `- Prettier: ${config.prettier ? 'yes' : 'no'}`,
    `- Package manager: ${config.packageManager}`,
  ];
  const rows = [
    ['Install dependencies', commands.install],
    ['Start the dev server', `${commands.dev}  # http://0.0.0.0:${ctx.port}`],
    ['Build for production', commands.build],
    ...commands.extra,
  ];
  return [
    `# ${ctx.title}`,
    '',
    `Created by Aura IDE: ${framework.label} ${framework.major} on ${framework.toolchain}.`,
    '',
    ...options,
    '',
    '## Commands',
    '',
    ...rows.flatMap(([what, command]) => [`${what}:`, '', '```sh', command, '```', '']),
  ].join('\n');
}
