import type { UiLibraryId } from '@/lib/catalog';
import type { Framework } from '@/lib/schemas/frameworks';
import type { ProjectConfiguration } from '@/lib/schemas/projects';

export interface TemplateInput {
  framework: Framework;
  uiLibrary: UiLibraryId;
  configuration: ProjectConfiguration;
  /** Becomes package.json's `name` (slugified) and the page title. */
  projectName: string;
}

export interface TemplateFile {
  path: string;
  content: string;
}

export interface RenderedTemplate {
  /** Sorted by path; package.json included. */
  files: TemplateFile[];
  devCommand: string;
  installCommand: string;
  buildCommand: string;
  devPort: number;
}

export interface PackageJson {
  name: string;
  version: string;
  private: true;
  type?: 'module';
  packageManager?: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** What a framework renderer hands back before the shared parts are added. */
export interface FrameworkTemplate {
  files: Record<string, string>;
  packageJson: PackageJson;
  /** Files ESLint/Prettier should skip besides node_modules. */
  buildOutputs: string[];
  /** Prettier plugins (already in devDependencies) for the framework's file types. */
  prettierPlugins?: string[];
}

/** The options a framework renderer sees: the configuration after the catalog's requirements. */
export interface RenderContext {
  input: TemplateInput;
  config: ProjectConfiguration;
  ts: boolean;
  port: number;
  /** Human title, e.g. "My App". */
  title: string;
  /** package.json-safe name, e.g. "my-app". */
  slug: string;
}
