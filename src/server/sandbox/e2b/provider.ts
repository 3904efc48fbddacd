import { DEFAULT_MAX_OUTPUT_BYTES } from '../output';
import type { SandboxCreateOptions, SandboxProvider } from '../types';
import { sdkClient, type E2BClient } from './client';
import { mapErrors, NotFoundError, toAppError } from './errors';
import { E2B_WORKDIR } from './files';
import { E2BSandbox } from './sandbox';

export interface E2BProviderOptions {
  apiKey: string;
  /** The SDK's entry points; tests inject a fake. Defaults to the real SDK. */
  client?: E2BClient;
  /** e2b template; the SDK's `base` when unset. */
  template?: string;
  /** Sandbox timeout when `create` gives none (default 5 minutes, e2b's own default). */
  defaultTimeoutMs?: number;
  /** Timeout of `commands.run` when the caller gives none (default 60 s). */
  commandTimeoutMs?: number;
  /** Bytes of stdout + stderr a command's result keeps (default 1 MiB). */
  maxOutputBytes?: number;
}

/** Sandboxes on E2B: microVMs that expire after their timeout unless extended with `setTimeout`. */
export class E2BSandboxProvider implements SandboxProvider {
  readonly name = 'e2b' as const;
  private readonly client: E2BClient;
  private readonly limits: { commandTimeoutMs: number; maxOutputBytes: number };
  private readonly started = new Set<string>();

  constructor(private readonly options: E2BProviderOptions) {
    this.client = options.client ?? sdkClient;
    this.limits = { commandTimeoutMs: options.commandTimeoutMs ?? 60_000, maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES };
  }

  async create(options: SandboxCreateOptions = {}): Promise<E2BSandbox> {
    const sdk = await mapErrors(() =>
      this.client.create({
        apiKey: this.options.apiKey,
        ...(this.options.template ? { template: this.options.template } : {}),
        timeoutMs: options.timeoutMs ?? this.options.defaultTimeoutMs ?? 5 * 60_000,
        metadata: options.metadata,
        envs: options.envs,
      }),
    );
    this.started.add(sdk.sandboxId);
    await mapErrors(() => sdk.files.makeDir(E2B_WORKDIR));
    return this.wrap(sdk);
  }

  async connect(sandboxId: string): Promise<E2BSandbox | null> {
    try {
      return this.wrap(await this.client.connect(sandboxId, { apiKey: this.options.apiKey }));
    } catch (error) {
      // NotFoundError covers SandboxNotFoundError: killed, expired, or never existed.
      if (error instanceof NotFoundError) return null;
      throw toAppError(error);
    }
  }

  async kill(sandboxId: string): Promise<void> {
    await mapErrors(() => this.client.kill(sandboxId, { apiKey: this.options.apiKey }));
    this.started.delete(sandboxId);
  }

  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.started].map((sandboxId) => this.kill(sandboxId)));
  }

  private wrap(sdk: Awaited<ReturnType<E2BClient['connect']>>): E2BSandbox {
    return new E2BSandbox(sdk, this.limits, (sandboxId) => this.started.delete(sandboxId));
  }
}
