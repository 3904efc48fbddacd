import type { Sandbox, SandboxCommands, SandboxProvider } from '@/server/sandbox/types';

const INSTALL = /^(npm|pnpm|yarn|bun) install\b/;
const PORT = /--port (\d+)\s*$/;

/**
 * A provider whose sandboxes fake the slow, online parts of a project setup: the template's
 * install becomes `sleep` (long enough to kill a server during it) and its dev server a tiny HTTP
 * server on the port it was asked for (`installScript` replaces the install's script). Everything
 * else is the real sandbox.
 */
export function withFakeInstall(inner: SandboxProvider, installMs: number, options: { installScript?: string } = {}): SandboxProvider {
  const rewrite = (cmd: string) => {
    if (INSTALL.test(cmd)) return options.installScript ?? `echo fake install; sleep ${installMs / 1000} && mkdir -p node_modules && echo installed`;
    const port = PORT.exec(cmd)?.[1];
    return port ? `exec node -e "require('http').createServer((q, s) => s.end('fake dev server')).listen(${port})"` : cmd;
  };
  const wrap = <T extends Sandbox | null>(sandbox: T): T => {
    if (!sandbox) return sandbox;
    const commands: SandboxCommands = {
      run: (cmd, options) => sandbox.commands.run(rewrite(cmd), options),
      start: (cmd, options) => sandbox.commands.start(rewrite(cmd), options),
      list: () => sandbox.commands.list(),
      kill: (pid) => sandbox.commands.kill(pid),
    };
    // Methods run on the real sandbox (its private state), only `commands` is swapped.
    return new Proxy(sandbox, {
      get(target, property) {
        if (property === 'commands') return commands;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return {
    name: inner.name,
    create: async (options) => wrap(await inner.create(options)),
    connect: async (sandboxId) => wrap(await inner.connect(sandboxId)),
    kill: (sandboxId) => inner.kill(sandboxId),
    shutdown: () => inner.shutdown(),
  };
}
