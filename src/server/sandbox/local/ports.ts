import { readdir, readFile, readlink } from 'node:fs/promises';
import { parseListeningSockets } from '../proc-net';

/**
 * TCP ports in LISTEN state held by any of `pids`. The network namespace is shared with the host,
 * so /proc/net/tcp lists every socket; a port belongs to the sandbox when one of its processes
 * holds the socket's inode as an open file.
 */
export async function listeningPorts(pids: number[]): Promise<number[]> {
  const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((file) => readFile(file, 'utf8').catch(() => '')));
  const portByInode = new Map(parseListeningSockets(tables.join('\n')).map((socket) => [socket.inode, socket.port]));
  const ports = new Set<number>();
  await Promise.all(
    pids.map(async (pid) => {
      const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
      for (const fd of fds) {
        const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        const port = inode ? portByInode.get(Number(inode)) : undefined;
        if (port !== undefined) ports.add(port);
      }
    }),
  );
  return [...ports].sort((a, b) => a - b);
}

/** `roots` and every process below them (for hosts without cgroups), from each process's parent pid. */
export async function processTree(roots: number[]): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ')'.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (Number.isInteger(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = new Set<number>();
  const visit = (pid: number) => {
    if (tree.has(pid)) return;
    tree.add(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  roots.forEach(visit);
  return [...tree];
}
