import type { AgentEvent } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import type { EventBus } from '@/server/events';
import { getLogger } from '@/server/logger';
import { appendEvent } from './store';

const FLUSH_CHARS = 400;
const FLUSH_MS = 60;

/**
 * A run's event sink. Token deltas are coalesced (up to ~60 ms or 400 characters) so a long answer
 * is tens of rows, not thousands; the first delta after any other event goes out at once, so the
 * user sees the answer start without the window's wait. Any other event flushes the pending text
 * first, so order holds. Writes are serialised; `close()` waits for all of them.
 */
export class RunEventWriter {
  private text = '';
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  /** Whether text is flowing: the next delta joins the window instead of going out at once. */
  private streaming = false;

  constructor(private readonly options: { db: Database; bus: EventBus; threadId: string }) {}

  emit(event: AgentEvent): Promise<void> {
    if (event.type === 'token') {
      this.text += event.text;
      if (!this.streaming || this.text.length >= FLUSH_CHARS) {
        this.streaming = true;
        return this.flush();
      }
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
      return Promise.resolve();
    }
    void this.flush();
    this.streaming = false;
    return this.write(event);
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.text) return this.chain.then(() => undefined);
    const text = this.text;
    this.text = '';
    return this.write({ type: 'token', text });
  }

  private write(event: AgentEvent): Promise<void> {
    const next = this.chain.then(() =>
      appendEvent({ ...this.options, event }).catch((error: unknown) => getLogger().error({ err: error, threadId: this.options.threadId }, 'agent event could not be stored')),
    );
    this.chain = next;
    return next.then(() => undefined);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.chain;
  }
}
