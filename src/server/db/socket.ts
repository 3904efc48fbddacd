import net from 'node:net';

interface DriverSocketOptions {
  host: string[];
  port: number[];
  path?: string;
  ssl?: unknown;
}

/** How long the driver keeps a dead connection before its teardown runs (see below). */
const CLOSE_DELAY_MS = 50;

/**
 * The TCP socket the `postgres` driver gets (its `socket` option), hardened against a driver bug
 * that crashes the process when the database restarts under load. postgres.js 3.4.9 defers small
 * writes to a `setImmediate`; once a connection's socket closed it sets the socket to null, and a
 * transaction still holding the connection then writes its ROLLBACK: the deferred write throws a
 * TypeError no caller can catch (porsager/postgres#1154, #1208). So here a closed socket stays in
 * place a little longer: writes to it fail as CONNECTION_CLOSED (rejecting that ROLLBACK, which
 * ends the transaction), and only then does the driver see `close`, tear down and reconnect.
 * Remove once the driver guards `nextWrite`. (Plain TCP only: TLS connections keep the bug.)
 */
export function createDriverSocket(options: DriverSocketOptions): net.Socket {
  const socket = options.path ? net.connect(options.path) : net.connect(options.port[0] ?? 5432, options.host[0] ?? 'localhost');
  // The driver reads these for TLS's servername and its error messages.
  Object.assign(socket, { host: options.host[0], port: options.port[0] });
  // With TLS the driver moves its listeners to a TLS socket over this one; that path is left as is.
  if (options.ssl) return socket;
  let gone = false;
  let failed = false;
  const emit = socket.emit.bind(socket);
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  const closedError = () => Object.assign(new Error('The database connection closed.'), { code: 'CONNECTION_CLOSED' });
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'error') failed = true;
    if (event !== 'end' && event !== 'close') return emit(event, ...args);
    gone = true;
    // Queries in flight fail now, so a transaction's ROLLBACK comes while the socket is still here.
    if (!failed && socket.listenerCount('error') > 0) {
      failed = true;
      emit('error', closedError());
    }
    if (event === 'end') return emit(event, ...args);
    setTimeout(() => emit('close', ...args), CLOSE_DELAY_MS);
    return true;
  }) as typeof socket.emit;
  socket.write = ((...args: unknown[]) => {
    if (!gone) return write(...args);
    process.nextTick(() => socket.listenerCount('error') > 0 && emit('error', closedError()));
    return false;
  }) as typeof socket.write;
  return socket;
}
