'use client';

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

/**
 * Monaco from the local `monaco-editor` package, never a CDN. This module runs only in the browser
 * (its importer is loaded with `next/dynamic` and `ssr: false`). The bundler turns each
 * `new Worker(new URL(…, import.meta.url))` into a worker chunk of its own.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case 'typescript':
      case 'javascript':
        return new Worker(new URL('monaco-editor/language/typescript/ts.worker', import.meta.url), { type: 'module', name: 'typescript' });
      case 'json':
        return new Worker(new URL('monaco-editor/language/json/json.worker', import.meta.url), { type: 'module', name: 'json' });
      case 'css':
      case 'scss':
      case 'less':
        return new Worker(new URL('monaco-editor/language/css/css.worker', import.meta.url), { type: 'module', name: 'css' });
      case 'html':
      case 'handlebars':
      case 'razor':
        return new Worker(new URL('monaco-editor/language/html/html.worker', import.meta.url), { type: 'module', name: 'html' });
      default:
        return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module', name: 'editor' });
    }
  },
};

loader.config({ monaco });

const { typescript } = monaco;
const compilerOptions: monaco.typescript.CompilerOptions = {
  target: typescript.ScriptTarget.ESNext,
  module: typescript.ModuleKind.ESNext,
  moduleResolution: typescript.ModuleResolutionKind.NodeJs,
  jsx: typescript.JsxEmit.ReactJSX,
  allowJs: true,
  allowNonTsExtensions: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  isolatedModules: true,
  noEmit: true,
  strict: true,
  // Package types are not loaded (see below), so implicit `any` from them would be noise.
  noImplicitAny: false,
  skipLibCheck: true,
};
// The sandbox's node_modules are not in the browser, so package imports are typed `any`, and the
// "cannot find module" family is not reported; everything else (syntax, types within the file) is.
const IGNORED_DIAGNOSTICS = [2307, 2792, 7016, 2875, 7026];
const AMBIENT = `declare module '*';
declare namespace JSX { interface IntrinsicElements { [element: string]: any } interface Element {} }
interface ImportMeta { readonly env: Record<string, string | boolean | undefined>; readonly hot?: any }`;

for (const defaults of [typescript.typescriptDefaults, typescript.javascriptDefaults]) {
  defaults.setCompilerOptions(compilerOptions);
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS });
  defaults.setEagerModelSync(true);
  defaults.addExtraLib(AMBIENT, 'file:///__aura__/ambient.d.ts');
}

// Colours of the app's surfaces (globals.css), so the editor sits in the page instead of on it.
monaco.editor.defineTheme('aura-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorGutter.background': '#ffffff',
    'editor.lineHighlightBackground': '#f2f3f7',
    'editorLineNumber.foreground': '#9a9eab',
    'editorLineNumber.activeForeground': '#13151f',
    'editorWidget.background': '#f2f3f7',
    'editorWidget.border': '#dcdee5',
    focusBorder: '#6875f6',
  },
});
monaco.editor.defineTheme('aura-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#161821',
    'editorGutter.background': '#161821',
    'editor.lineHighlightBackground': '#1d202b',
    'editorLineNumber.foreground': '#5a5d69',
    'editorLineNumber.activeForeground': '#eceef5',
    'editorWidget.background': '#0d0f16',
    'editorWidget.border': '#2b2d38',
    focusBorder: '#6875f6',
  },
});

/** Buffers are keyed by `file:///<project path>`, which the TypeScript worker resolves imports against. */
export const uriOf = (path: string) => monaco.Uri.file(`/${path}`);
export const pathOf = (uri: monaco.Uri) => uri.path.replace(/^\//, '');

export { monaco };
