import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A fenced block of README.md preceded by `<!-- readme-test: <action> [file] [anchor] -->`. */
export interface ReadmeBlock {
  action: 'client' | 'create' | 'append' | 'prepend' | 'after';
  file?: string;
  /** For `after`: the block goes after the first line containing this text. */
  anchor?: string;
  code: string;
}

const MARKER = /^([ \t]*)<!-- readme-test: (\w+)(?: (\S+))?(?: "([^"]+)")? -->\n\1```\w*\n([\s\S]*?)\n\1```/gm;

/** The README's tested blocks, in order, with the list indentation removed. */
export async function readmeBlocks(readmePath: string): Promise<ReadmeBlock[]> {
  const readme = await readFile(readmePath, 'utf8');
  return [...readme.matchAll(MARKER)].map(([, indent, action, file, anchor, code]) => ({
    action: action as ReadmeBlock['action'],
    file,
    anchor,
    code: code!
      .split('\n')
      .map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line))
      .join('\n'),
  }));
}

/** Does what a block says to a copy of the repo at `root`, as a developer following the README would. */
export async function applyReadmeBlock(root: string, block: ReadmeBlock): Promise<void> {
  if (!block.file) throw new Error(`readme-test ${block.action} names no file`);
  const file = path.join(root, block.file);
  const code = `${block.code}\n`;
  if (block.action === 'create') {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, code);
  } else if (block.action === 'append') {
    await appendFile(file, code);
  } else if (block.action === 'prepend') {
    await writeFile(file, code + (await readFile(file, 'utf8')));
  } else if (block.action === 'after') {
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((line) => line.includes(block.anchor!));
    if (at < 0) throw new Error(`readme-test: "${block.anchor}" is no longer in ${block.file}`);
    lines.splice(at + 1, 0, block.code);
    await writeFile(file, lines.join('\n'));
  } else {
    throw new Error(`readme-test: unknown action ${block.action}`);
  }
}
