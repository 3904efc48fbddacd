import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import pg from 'pg';
import { getLogger } from '@/server/logger';

export interface Checkpointer {
  /** The saver, its tables created on first use (once per process and URL). */
  saver(): Promise<PostgresSaver>;
  close(): Promise<void>;
}

/**
 * LangGraph's Postgres checkpointer on a small `pg` pool of its own (the app's queries use the
 * `postgres` driver). An idle client that loses its connection emits `error` on the pool; without
 * a handler that would crash the process.
 */
export function createCheckpointer(url: string, options: { max?: number } = {}): Checkpointer {
  let pool: pg.Pool | undefined;
  let ready: Promise<PostgresSaver> | undefined;
  return {
    saver() {
      ready ??= (async () => {
        pool = new pg.Pool({ connectionString: url, max: options.max ?? 3, application_name: 'aura-agent' });
        pool.on('error', (error) => getLogger().warn({ err: error }, 'agent checkpointer: idle connection failed'));
        const saver = new PostgresSaver(pool);
        await saver.setup();
        return saver;
      })().catch((error: unknown) => {
        ready = undefined;
        void pool?.end().catch(() => {});
        throw error;
      });
      return ready;
    },
    async close() {
      ready = undefined;
      await pool?.end().catch(() => {});
      pool = undefined;
    },
  };
}
