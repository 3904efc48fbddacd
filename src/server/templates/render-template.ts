import { checkUiLibrary, effectiveConfiguration, getFramework, installCommand, runScriptCommand } from '@/lib/catalog';
import type { Framework } from '@/lib/schemas/frameworks';
import { renderAngular } from './angular';
import { renderNext } from './nextjs';
import { renderReact } from './react';
import { addPackages, parseDependencySpec, serializePackageJson } from './shared/package-json';
import { packageManagerFiles } from './shared/package-manager';
import { prettierFiles } from './shared/prettier';
import { readme } from './shared/readme';
import { renderSvelte } from './svelte';
import type { FrameworkTemplate, RenderContext, RenderedTemplate, TemplateInput } from './types';
import { renderVue } from './vue';

const RENDERERS: Record<Framework, (ctx: RenderContext) => FrameworkTemplate> = {
  react: renderReact,
  nextjs: renderNext,
  svelte: renderSvelte,
  vue: renderVue,
  angular: renderAngular,
};

export class UnavailableTemplateError extends Error {}

/**
 * The file tree `sv create`, create-vite, create-next-app or `ng new` would write for these
 * options, with the UI library wired in. Pure: no I/O, and the input is not mutated. Throws
 * `UnavailableTemplateError` for a UI library the catalog does not offer for the framework.
 */
export function renderTemplate(input: TemplateInput): RenderedTemplate {
  const check = checkUiLibrary(input.framework, input.uiLibrary);
  if (!check.ok) throw new UnavailableTemplateError(check.reason);
  const framework = getFramework(input.framework);
  const config = effectiveConfiguration(input.framework, input.uiLibrary, input.configuration);
  const ctx: RenderContext = {
    input,
    config,
    ts: config.typescript,
    port: framework.defaultDevPort,
    title: titleOf(input.projectName),
    slug: slugOf(input.projectName),
  };
  const template = RENDERERS[input.framework](ctx);
  const { packageJson: pkg } = template;
  const files: Record<string, string> = { ...template.files };

  if (config.prettier) Object.assign(files, prettierFiles(pkg, template.buildOutputs, template.prettierPlugins));
  addPackages(pkg, config.additionalDependencies.map(parseDependencySpec));
  Object.assign(files, packageManagerFiles(config.packageManager, pkg));

  const pm = config.packageManager;
  const commands = {
    install: installCommand(pm),
    dev: runScriptCommand(pm, framework.devScript),
    build: runScriptCommand(pm, 'build'),
  };
  const extra: Array<[string, string]> = [];
  if (pkg.scripts.lint) extra.push(['Lint', runScriptCommand(pm, 'lint')]);
  if (pkg.scripts.format) extra.push(['Format', runScriptCommand(pm, 'format')]);
  files['README.md'] = readme(ctx, { ...commands, extra });
  files['package.json'] = serializePackageJson(pkg);

  return {
    files: Object.keys(files)
      .sort()
      .map((path) => ({ path, content: files[path] ?? '' })),
    devCommand: commands.dev,
    installCommand: commands.install,
    buildCommand: commands.build,
    devPort: ctx.port,
  };
}

function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return slug.slice(0, 214) || 'app';
}

/** Safe inside HTML, JSX, TS strings and Markdown without escaping. */
function titleOf(name: string): string {
  return name.replace(/[^\p{L}\p{N} _.-]+/gu, '').trim() || 'App';
}
