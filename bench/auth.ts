/**
 * bench/auth: login throughput and the event loop during a burst of logins.
 *
 *   npm run bench:auth
 *
 * Logins go through the seed's REST adapter in-process (JSON body → tRPC caller → validation →
 * throttle → argon2id verify → session row → tokens), against the launcher's PostgreSQL (an
 * embedded one in .aura/bench unless DATABASE_URL is set). Prints the figures; asserts nothing.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { env } from '@/env';
import { createThrottle } from '@/server/auth/throttle';
import { createDatabase } from '@/server/db/client';
import { createRestHandler } from '@/server/rest/handler';

const USERS = 8;
const THROUGHPUT_SECONDS = 10;
const CONCURRENCY = 4;
const BURST = 50;
const PASSWORD = 'bench passphrase that is long enough';

const { db, close } = createDatabase(env.DATABASE_URL, { max: 20 });
// Limits high enough that the benchmark measures logins, not the rate limiter.
const throttle = createThrottle({ keyPrefix: `bench${Date.now()}`, windowMs: 60_000, maxPerIp: 1_000_000, lockout: { threshold: 1_000_000 } });
const rest = createRestHandler({ db: () => db, throttle: () => throttle });

const run = Date.now().toString(36);
const emails = Array.from({ length: USERS }, (_, i) => `bench-${run}-${i}@example.com`);

function post(path: string, body: unknown) {
  return rest(new Request(`http://bench.local/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

async function login(i: number): Promise<number> {
  const started = performance.now();
  const response = await post('/auth/login', { email: emails[i % USERS], password: PASSWORD });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  return performance.now() - started;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  for (const [i, email] of emails.entries()) {
    const response = await post('/auth/signup', { email, username: `bench_${run}_${i}`, password: PASSWORD });
    if (response.status !== 201) throw new Error(`signup answered ${response.status}: ${await response.text()}`);
  }
  for (let i = 0; i < 5; i++) await login(i);

  // Throughput: CONCURRENCY clients logging in back to back.
  const latencies: number[] = [];
  const deadline = performance.now() + THROUGHPUT_SECONDS * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) latencies.push(await login(next++));
    }),
  );
  latencies.sort((a, b) => a - b);

  // Burst: 50 logins at once, while measuring how late the event loop runs.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const burstStarted = performance.now();
  const burst = (await Promise.all(Array.from({ length: BURST }, (_, i) => login(i)))).sort((a, b) => a - b);
  const burstSeconds = (performance.now() - burstStarted) / 1000;
  delay.disable();

  console.log(`bench/auth on ${process.platform} ${process.arch}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  console.log(`login throughput (${CONCURRENCY} concurrent clients, ${THROUGHPUT_SECONDS} s): ${(latencies.length / THROUGHPUT_SECONDS).toFixed(1)} logins/s`);
  console.log(`  latency p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))} (${latencies.length} logins)`);
  console.log(`burst of ${BURST} concurrent logins: done in ${burstSeconds.toFixed(2)} s, latency p50 ${ms(percentile(burst, 50))}, p99 ${ms(percentile(burst, 99))}`);
  console.log(`  event-loop delay during the burst: p50 ${ms(delay.percentile(50) / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}, max ${ms(delay.max / 1e6)} (goal: p99 < 50 ms)`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await throttle.close();
    await close();
  });
