import { Sandbox as SdkSandbox, type SandboxApiOpts, type SandboxConnectOpts, type SandboxOpts } from 'e2b';

/** The parts of an e2b SDK `Sandbox` the adapter uses (tests pass fakes with these members). */
export type E2BSandboxInstance = Pick<SdkSandbox, 'sandboxId' | 'files' | 'commands' | 'pty' | 'setTimeout' | 'isRunning' | 'kill' | 'getHost'>;

/** The SDK's static entry points, injected into the provider so that tests never reach E2B. */
export interface E2BClient {
  create(options: SandboxOpts): Promise<E2BSandboxInstance>;
  connect(sandboxId: string, options: SandboxConnectOpts): Promise<E2BSandboxInstance>;
  kill(sandboxId: string, options: SandboxApiOpts): Promise<boolean>;
}

/** The real SDK. */
export const sdkClient: E2BClient = {
  create: (options) => SdkSandbox.create(options),
  connect: (sandboxId, options) => SdkSandbox.connect(sandboxId, options),
  kill: (sandboxId, options) => SdkSandbox.kill(sandboxId, options),
};
