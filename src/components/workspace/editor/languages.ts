/** A Monaco language id and the name the status bar shows. */
export interface LanguageInfo {
  id: string;
  label: string;
}

const BY_EXTENSION: Record<string, LanguageInfo> = {
  ts: { id: 'typescript', label: 'TypeScript' },
  mts: { id: 'typescript', label: 'TypeScript' },
  cts: { id: 'typescript', label: 'TypeScript' },
  tsx: { id: 'typescript', label: 'TypeScript JSX' },
  js: { id: 'javascript', label: 'JavaScript' },
  mjs: { id: 'javascript', label: 'JavaScript' },
  cjs: { id: 'javascript', label: 'JavaScript' },
  jsx: { id: 'javascript', label: 'JavaScript JSX' },
  json: { id: 'json', label: 'JSON' },
  jsonc: { id: 'json', label: 'JSON with comments' },
  css: { id: 'css', label: 'CSS' },
  scss: { id: 'scss', label: 'SCSS' },
  less: { id: 'less', label: 'Less' },
  html: { id: 'html', label: 'HTML' },
  htm: { id: 'html', label: 'HTML' },
  vue: { id: 'html', label: 'Vue' },
  svelte: { id: 'html', label: 'Svelte' },
  md: { id: 'markdown', label: 'Markdown' },
  mdx: { id: 'mdx', label: 'MDX' },
  yml: { id: 'yaml', label: 'YAML' },
  yaml: { id: 'yaml', label: 'YAML' },
  xml: { id: 'xml', label: 'XML' },
  svg: { id: 'xml', label: 'SVG' },
  sh: { id: 'shell', label: 'Shell' },
  bash: { id: 'shell', label: 'Shell' },
  graphql: { id: 'graphql', label: 'GraphQL' },
  py: { id: 'python', label: 'Python' },
  sql: { id: 'sql', label: 'SQL' },
  toml: { id: 'ini', label: 'TOML' },
  ini: { id: 'ini', label: 'INI' },
};

const BY_NAME: Record<string, LanguageInfo> = {
  Dockerfile: { id: 'dockerfile', label: 'Dockerfile' },
  '.env': { id: 'ini', label: 'Environment' },
  '.gitignore': { id: 'ini', label: 'Ignore' },
  '.npmrc': { id: 'ini', label: 'npm config' },
  '.prettierrc': { id: 'json', label: 'JSON' },
};

const PLAIN: LanguageInfo = { id: 'plaintext', label: 'Plain text' };

export const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function languageOf(path: string): LanguageInfo {
  const name = baseName(path);
  if (BY_NAME[name]) return BY_NAME[name];
  if (name.startsWith('.env')) return BY_NAME['.env']!;
  return BY_EXTENSION[extensionOf(path)] ?? PLAIN;
}
