/** A TCP socket in the LISTEN state, read from /proc/net/tcp or /proc/net/tcp6. */
export interface ListeningSocket {
  port: number;
  inode: number;
}

const LISTEN = '0A';

/**
 * Parses the text of /proc/net/tcp and/or /proc/net/tcp6 (concatenated is fine) into listening
 * sockets. Both providers use it: locally to match sockets to a sandbox's processes, on e2b
 * for the whole VM.
 */
export function parseListeningSockets(text: string): ListeningSocket[] {
  const sockets: ListeningSocket[] = [];
  for (const line of text.split('\n')) {
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
    const fields = line.trim().split(/\s+/);
    const [, local, , state, , , , , , inode] = fields;
    if (state !== LISTEN || !local || !inode) continue;
    const port = Number.parseInt(local.split(':').at(-1) ?? '', 16);
    if (Number.isInteger(port) && port > 0) sockets.push({ port, inode: Number(inode) });
  }
  return sockets;
}
