/**
 * The framework and UI-library catalog: typed data shared by the server (templates, project
 * validation, REST) and the browser (the new-project wizard). No Node imports here.
 */
export { frameworkCatalog, getFramework } from './frameworks';
export { getPackageManager, installCommand, packageManagerCatalog, runScriptCommand, setupInstallCommand } from './package-managers';
export type { Availability, FrameworkInfo, NpmPackage, PackageManager, PackageManagerInfo, TemplateKind, UiLibraryInfo } from './types';
export { UI_LIBRARY_IDS, uiLibrarySchema, type UiLibraryId } from './ui-library-ids';
export {
  checkUiLibrary,
  effectiveConfiguration,
  frameworkUiLibrarySchema,
  getUiLibrary,
  isUiLibraryAvailable,
  refineUiLibrary,
  uiLibrariesFor,
  type UiLibraryCheck,
} from './ui-library';
export { VERSIONS } from './versions';
