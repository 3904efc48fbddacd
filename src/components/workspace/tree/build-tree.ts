/** The store lists files only; folders are implied by their paths (plus empty ones made this session). */
export interface TreeNode {
  name: string;
  path: string;
  kind: 'file' | 'folder';
  children: TreeNode[];
  /** Dependencies or build output, read from the sandbox: shown dimmed, never stored or opened. */
  ignored?: boolean;
}

export interface IgnoredNode {
  path: string;
  kind: 'file' | 'folder';
}

export interface TreeRow {
  node: TreeNode;
  depth: number;
  position: number;
  siblings: number;
}

export const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export const joinPath = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
/** `a/b/c` → `['a', 'a/b']`. */
export const ancestorsOf = (path: string) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'));

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byKindThenName = (a: TreeNode, b: TreeNode) => (a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1);

export function buildTree(files: string[], emptyFolders: Iterable<string> = [], ignored: IgnoredNode[] = []): TreeNode {
  const root: TreeNode = { name: '', path: '', kind: 'folder', children: [] };
  const folders = new Map<string, TreeNode>([['', root]]);
  const folder = (path: string): TreeNode => {
    const known = folders.get(path);
    if (known) return known;
    const node: TreeNode = { name: path.slice(path.lastIndexOf('/') + 1), path, kind: 'folder', children: [] };
    folders.set(path, node);
    folder(parentOf(path)).children.push(node);
    return node;
  };
  for (const path of emptyFolders) folder(path);
  for (const path of files) folder(parentOf(path)).children.push({ name: path.slice(path.lastIndexOf('/') + 1), path, kind: 'file', children: [] });
  for (const entry of ignored) {
    if (entry.kind === 'folder') folder(entry.path).ignored = true;
    else folder(parentOf(entry.path)).children.push({ name: entry.path.slice(entry.path.lastIndexOf('/') + 1), path: entry.path, kind: 'file', children: [], ignored: true });
  }
  for (const node of folders.values()) node.children.sort(byKindThenName);
  return root;
}

/** The rows on screen: depth-first through expanded folders. */
export function visibleRows(root: TreeNode, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: TreeNode, depth: number) => {
    node.children.forEach((child, index) => {
      rows.push({ node: child, depth, position: index + 1, siblings: node.children.length });
      if (child.kind === 'folder' && expanded.has(child.path)) walk(child, depth + 1);
    });
  };
  walk(root, 1);
  return rows;
}
