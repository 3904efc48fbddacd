/**
 * bench/agent: the latency Aura's agent pipeline adds to a streamed model answer.
 *
 *   npm run bench:agent [-- --trace]    (--trace: the last run's queries and checkpointer calls, timed)
 *
 * One fake OpenAI-compatible server (local HTTP, OpenAI's real SSE wire format) streams the same
 * scripted answer, TOKENS words with DELAY_MS before each chunk, to three consumers, interleaved
 * run by run so they share the machine's load:
 *
 * 1. raw `fetch` of the SSE stream, parsed by hand: the floor;
 * 2. direct: the real `@langchain/openai` client, built by the model registry from the same config
 *    (OPENAI_BASE_URL at the fake), `.stream()` of the request Aura sends (its system prompt, the
 *    general agent's tools bound);
 * 3. through Aura over loopback HTTP: a fresh thread per run with `agent.onEvents` open (tRPC SSE),
 *    then `agent.send` (tRPC mutation); the run goes sendMessage → LangGraph → model → event writer
 *    (coalescing, a row per event) → bus → subscription.
 *
 * Prints time to first token (and where Aura's part of it goes: queries, checkpointer, coalescing),
 * inter-token (or inter-event) gaps and stream durations, medians and p99, and the overhead figures. Asserts only that the text received through Aura is the model's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import superjson from 'superjson';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import type { AgentEvent } from '@/lib/schemas/agent';
import { loadEnv } from '@/env';
import { createInnerContext } from '@/server/api/context';
import { handleTrpcRequest } from '@/server/api/http';
import { createCaller } from '@/server/api/root';
import { buildSystemPrompt } from '@/server/agent/context';
import { threadTopic, type StoredAgentEvent } from '@/server/agent/events/store';
import { createModelRegistry } from '@/server/agent/models';
import { createAgentRuntime, type ModelCatalog } from '@/server/agent/runtime';
import { toolSpecsFor } from '@/server/agent/tools';
import { issueAccessToken } from '@/server/auth/access-tokens';
import type { Database } from '@/server/db/client';
import * as schema from '@/server/db/schema';
import { projects, users } from '@/server/db/schema';
import { createMemoryBus } from '@/server/events/bus';
import { writeFile } from '@/server/files/write-file';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createAuthSession } from '@/server/sessions/auth-sessions';
import { startFakeOpenAIServer } from '@/test/fake-llm/openai-server';

const TOKENS = 200;
const DELAY_MS = 3;
const WARMUP = 3;
const RUNS = 15;
const PROMPT = 'Explain what this project does.';
const MODEL_ID = 'local:fake-model';

const VOCABULARY = 'the agent reads edits and runs code in the sandbox while the editor tree and terminal update live with each change'.split(' ');
const ANSWER = Array.from({ length: TOKENS }, (_, i) => (i === 0 ? '' : ' ') + VOCABULARY[i % VOCABULARY.length]);
const ANSWER_TEXT = ANSWER.join('');

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) => sorted(values)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const median = (values: number[]) => percentile(values, 50);
const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;
const gapsOf = (times: number[]) => times.slice(1).map((time, i) => time - times[i]!);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const p50p99 = (values: number[]) => `p50 ${ms(median(values))}, p99 ${ms(percentile(values, 99))}`;
const counts = (values: number[]) => `p50 ${median(values)}, p99 ${percentile(values, 99)}`;
const gapSummary = (values: number[]) => `mean ${ms(mean(values))}, ${p50p99(values)} (n=${values.length})`;

/** One streamed answer as a consumer saw it: when it asked, when the model server got the request, and when each piece of text arrived. */
interface Sample {
  started: number;
  requestArrived: number;
  /** Arrival time of each piece of text (a chunk, or a coalesced token event), with its text. */
  pieces: { at: number; text: string }[];
}

const ttft = (sample: Sample) => sample.pieces[0]!.at - sample.started;
const span = (sample: Sample) => sample.pieces.at(-1)!.at - sample.pieces[0]!.at;
const total = (sample: Sample) => sample.pieces.at(-1)!.at - sample.started;
const textOf = (sample: Sample) => sample.pieces.map((piece) => piece.text).join('');

/** Reads an SSE body, calling `onMessage` with each message's event name, id and data. */
async function readSse(body: ReadableStream<Uint8Array>, onMessage: (message: { event: string; id: string; data: string }) => void) {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message = { event: 'message', id: '', data: '' };
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const field = line.slice(0, colon);
        const value = line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') message.data += (message.data ? '\n' : '') + value;
        else if (field === 'event') message.event = value;
        else if (field === 'id') message.id = value;
      }
      onMessage(message);
    }
  }
}

async function main() {
  const baseEnv = loadEnv();
  // The app's pool (as createDatabase opens it), with a logger that timestamps each query Aura issues.
  const trace: { at: number; what: string }[] = [];
  let tracing = false;
  const sql = postgres(baseEnv.DATABASE_URL, { max: 10, onnotice: () => {}, connection: { application_name: 'aura' } });
  const db: Database = drizzle(sql, { schema, casing: 'snake_case', logger: { logQuery: (query) => void (tracing && trace.push({ at: performance.now(), what: `sql: ${query.replace(/\s+/g, ' ').slice(0, 70)}` })) } });
  const close = () => sql.end({ timeout: 5 });
  let requestArrived = 0;
  const fake = await startFakeOpenAIServer({
    script: () => {
      requestArrived = performance.now();
      return { text: ANSWER, delayMs: DELAY_MS };
    },
  });
  // The app's registry over this environment, pointed at the fake: what `OPENAI_BASE_URL=… OPENAI_COMPATIBLE_MODELS=fake-model` gives.
  const registry = createModelRegistry(
    { ...baseEnv, OPENAI_BASE_URL: fake.baseUrl, OPENAI_COMPATIBLE_MODELS: ['fake-model'], OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined, HELICONE_API_KEY: undefined },
    { maxRetries: 0 },
  );
  // When each text delta leaves the OpenAI client inside Aura's run. `bindTools` builds a new
  // ChatOpenAI (instance callbacks are lost) that shares the completions client, so that is wrapped.
  let modelDeltas: number[] = [];
  const catalog: ModelCatalog = {
    list: registry.listModels,
    defaultId: registry.defaultModelId,
    costOf: registry.costOf,
    create(id) {
      const model = registry.createChatModel(id);
      const { completions } = model as unknown as { completions: { _streamResponseChunks(...args: unknown[]): AsyncGenerator<{ text: string }> } };
      const stream = completions._streamResponseChunks.bind(completions);
      completions._streamResponseChunks = async function* (...args: unknown[]) {
        for await (const chunk of stream(...args)) {
          if (chunk.text) modelDeltas.push(performance.now());
          yield chunk;
        }
      };
      return model;
    },
  };
  const bus = createMemoryBus();
  const agent = createAgentRuntime({ databaseUrl: baseEnv.DATABASE_URL, models: catalog, bus });
  // LangGraph's checkpointer calls (its own pg pool), timed.
  const saver = await agent.checkpointer.saver();
  for (const method of ['getTuple', 'put', 'putWrites'] as const) {
    const original = saver[method].bind(saver) as (...args: unknown[]) => Promise<unknown>;
    (saver as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        if (tracing) trace.push({ at: started, what: `checkpointer.${method}: ${ms(performance.now() - started)}` });
      }
    };
  }
  // Never started (the answer calls no tools), but the context wants a provider.
  const scratch = await mkdtemp(path.join(tmpdir(), 'aura-bench-agent-'));
  const sandboxes = new LocalSandboxProvider({ dataDir: scratch });

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const response = await handleTrpcRequest(new Request(request, { signal: controller.signal }), { db, sandboxes, agent });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    } catch {
      // The client went away (a subscription closed).
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/trpc`;

  try {
    const stamp = Date.now().toString(36);
    const [user] = await db.insert(users).values({ email: `bench-agent-${stamp}@example.com`, username: `bench_agent_${stamp}` }).returning();
    const session = await createAuthSession({ db, userId: user!.id, method: 'password', client: { ip: null, userAgent: null }, kind: 'api', lifetimeMs: 3_600_000 });
    const token = await issueAccessToken({ userId: user!.id, sessionId: session.id });
    const authUser = { id: user!.id, email: user!.email, username: user!.username, sessionId: session.id, via: 'bearer' as const };
    const api = createCaller(createInnerContext({ db, user: authUser, sandboxes, agent }));
    // A project row and a small file tree in the file store (what the system prompt lists); no sandbox, no install.
    const [project] = await db.insert(projects).values({ ownerId: user!.id, name: `Bench agent ${stamp}`, framework: 'react', configuration: projectConfigurationSchema.parse({}) }).returning();
    const files = ['package.json', 'index.html', 'vite.config.ts', 'tsconfig.json', 'README.md', 'src/main.tsx', 'src/App.tsx', 'src/App.css', 'src/index.css', 'public/favicon.svg'];
    for (const file of files) await writeFile({ db, projectId: project!.id, path: file, content: new TextEncoder().encode(`// ${file}\n`), source: 'template' });

    // The request Aura's graph sends, for the direct client.
    const systemPrompt = await buildSystemPrompt({ db, project: project!, agentType: 'general' });
    const direct = registry.createChatModel(MODEL_ID).bindTools!(toolSpecsFor('general'));

    async function rawFetch(): Promise<Sample> {
      const started = performance.now();
      const response = await fetch(`${fake.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-needed' },
        body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: PROMPT }] }),
      });
      const pieces: Sample['pieces'] = [];
      await readSse(response.body!, ({ data }) => {
        if (data === '[DONE]') return;
        const content = (JSON.parse(data) as { choices: { delta?: { content?: string } }[] }).choices[0]?.delta?.content;
        if (content) pieces.push({ at: performance.now(), text: content });
      });
      return { started, requestArrived, pieces };
    }

    async function langchain(): Promise<Sample> {
      const started = performance.now();
      const pieces: Sample['pieces'] = [];
      for await (const chunk of await direct.stream([new SystemMessage(systemPrompt), new HumanMessage(PROMPT)])) {
        if (typeof chunk.content === 'string' && chunk.content) pieces.push({ at: performance.now(), text: chunk.content });
      }
      return { started, requestArrived, pieces };
    }

    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const trpcInput = (input: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(input)));

    interface AuraSample extends Sample {
      sendAnswered: number;
      modelDeltas: number[];
      /** When each token event was published on the bus (before SSE). */
      published: number[];
      done: number;
      /** Queries and checkpointer calls of the run, and its milestones. */
      steps: { at: number; what: string }[];
    }

    async function throughAura(): Promise<AuraSample> {
      const thread = await api.agent.threads.create({ projectId: project!.id });
      const pieces: Sample['pieces'] = [];
      const published: number[] = [];
      const unsubscribe = bus.subscribe(threadTopic(thread.id), (stored) => {
        if ((stored as StoredAgentEvent).event.type === 'token') published.push(performance.now());
      });
      const subscription = new AbortController();
      let connected!: () => void;
      let finished!: () => void;
      const isConnected = new Promise<void>((resolve) => (connected = resolve));
      const isDone = new Promise<void>((resolve) => (finished = resolve));
      let done = 0;
      const response = await fetch(`${base}/agent.onEvents?input=${trpcInput({ threadId: thread.id })}`, { headers, signal: subscription.signal });
      const reading = readSse(response.body!, ({ event, data }) => {
        if (event === 'connected') return connected();
        if (event !== 'message' || !data) return;
        const payload = superjson.deserialize<AgentEvent>(JSON.parse(data) as Parameters<typeof superjson.deserialize>[0]);
        if (payload.type === 'token') pieces.push({ at: performance.now(), text: payload.text });
        if (payload.type === 'error') throw new Error(`the run failed: ${payload.message}`);
        if (payload.type === 'done') {
          done = performance.now();
          finished();
        }
      }).catch((error: unknown) => {
        if (!subscription.signal.aborted) throw error;
      });
      await isConnected;
      // The generator subscribes to the bus once tRPC pulls it, right after `connected`.
      await new Promise((resolve) => setTimeout(resolve, 20));
      modelDeltas = [];
      trace.length = 0;
      tracing = true;
      const started = performance.now();
      const sent = await fetch(`${base}/agent.send`, { method: 'POST', headers, body: JSON.stringify(superjson.serialize({ threadId: thread.id, message: PROMPT })) });
      const sendAnswered = performance.now();
      if (sent.status !== 200) throw new Error(`agent.send answered ${sent.status}: ${await sent.text()}`);
      await Promise.race([isDone, reading.then(() => Promise.reject(new Error('the subscription ended before done')))]);
      subscription.abort();
      await reading;
      unsubscribe();
      await agent.runs.get(thread.id)?.done;
      tracing = false;
      const steps = [...trace, { at: sendAnswered, what: 'agent.send answered' }, { at: requestArrived, what: 'model request at the server' }, { at: pieces[0]!.at, what: 'first token event received' }];
      return { started, requestArrived, pieces, sendAnswered, modelDeltas, published, done, steps: steps.sort((a, b) => a.at - b.at) };
    }

    // What the graph's agent node does before every model call besides the request itself.
    const binding: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      registry.createChatModel(MODEL_ID).bindTools!(toolSpecsFor('general'));
      binding.push(performance.now() - started);
    }

    const rawSamples: Sample[] = [];
    const directSamples: Sample[] = [];
    const auraSamples: AuraSample[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const raw = await rawFetch();
      const viaClient = await langchain();
      const viaAura = await throughAura();
      for (const [name, sample] of [['raw fetch', raw], ['LangChain', viaClient], ['Aura', viaAura]] as const) {
        if (textOf(sample) !== ANSWER_TEXT) throw new Error(`${name} received other text than the model sent (${textOf(sample).length} vs ${ANSWER_TEXT.length} characters)`);
      }
      if (i < WARMUP) continue;
      rawSamples.push(raw);
      directSamples.push(viaClient);
      auraSamples.push(viaAura);
    }

    const load = loadavg().map((value) => value.toFixed(2)).join(', ');
    console.log(`bench/agent on ${process.platform} ${process.arch}, Node ${process.version}, ${cpus().length} cores, load average ${load}`);
    console.log(`model: fake OpenAI-compatible server, ${TOKENS} words, ${DELAY_MS} ms before each chunk; ${RUNS} runs per side after ${WARMUP} warm-up runs, interleaved`);
    console.log('');
    console.log('time to first token (request → first text):');
    console.log(`  raw fetch (SSE parsed by hand):      ${p50p99(rawSamples.map(ttft))}`);
    console.log(`  @langchain/openai .stream():         ${p50p99(directSamples.map(ttft))}`);
    console.log(`  Aura, agent.send → first token event: ${p50p99(auraSamples.map(ttft))}`);
    console.log(`    send → model request at the server: ${p50p99(auraSamples.map((s) => s.requestArrived - s.started))} (direct client: ${p50p99(directSamples.map((s) => s.requestArrived - s.started))})`);
    console.log(`    send → agent.send answered:         ${p50p99(auraSamples.map((s) => s.sendAnswered - s.started))}`);
    console.log(`    model request → first delta in Aura: ${p50p99(auraSamples.map((s) => s.modelDeltas[0]! - s.requestArrived))}`);
    console.log(`    first delta → first token event published: ${p50p99(auraSamples.map((s) => s.published[0]! - s.modelDeltas[0]!))} (coalescing + row insert)`);
    console.log(`    published → received over SSE:     ${p50p99(auraSamples.flatMap((s) => s.pieces.map((piece, i) => piece.at - s.published[i]!)))} (every token event)`);
    const before = (s: AuraSample, what: string, until: number) => s.steps.filter((step) => step.at < until && step.what.startsWith(what)).length;
    console.log(`    before the model request: ${counts(auraSamples.map((s) => before(s, 'sql', s.requestArrived)))} app queries, ${counts(auraSamples.map((s) => before(s, 'checkpointer', s.requestArrived)))} checkpointer calls`);
    console.log(`    per run in all: ${counts(auraSamples.map((s) => before(s, 'sql', Infinity)))} app queries, ${counts(auraSamples.map((s) => before(s, 'checkpointer', Infinity)))} checkpointer calls`);
    if (process.argv.includes('--trace')) {
      const last = auraSamples.at(-1)!;
      console.log('  last run, from agent.send:');
      for (const step of last.steps) console.log(`    +${(step.at - last.started).toFixed(1).padStart(7)} ms  ${step.what}`);
    }
    console.log(`    createChatModel + bindTools(general tools), as each run does: ${p50p99(binding)}`);
    console.log('');
    console.log('between pieces of text:');
    console.log(`  raw fetch, per chunk:             ${gapSummary(rawSamples.flatMap((s) => gapsOf(s.pieces.map((p) => p.at))))}`);
    console.log(`  LangChain, per chunk:             ${gapSummary(directSamples.flatMap((s) => gapsOf(s.pieces.map((p) => p.at))))}`);
    console.log(`  Aura, model deltas inside the run: ${gapSummary(auraSamples.flatMap((s) => gapsOf(s.modelDeltas)))}`);
    console.log(`  Aura, per token event (SSE):      ${gapSummary(auraSamples.flatMap((s) => gapsOf(s.pieces.map((p) => p.at))))}`);
    const perEvent = auraSamples.flatMap((s) => s.pieces.map((piece) => piece.text.match(/\S+/g)?.length ?? 0));
    console.log(`  Aura token events per run: ${counts(auraSamples.map((s) => s.pieces.length))}; words per event: mean ${mean(perEvent).toFixed(1)}, max ${Math.max(...perEvent)}`);
    console.log('');
    console.log('stream duration (first → last text) and total (request → last text):');
    console.log(`  raw fetch: ${p50p99(rawSamples.map(span))}; total ${p50p99(rawSamples.map(total))}`);
    console.log(`  LangChain: ${p50p99(directSamples.map(span))}; total ${p50p99(directSamples.map(total))}`);
    console.log(`  Aura:      ${p50p99(auraSamples.map(span))}; total ${p50p99(auraSamples.map(total))}; → done event ${p50p99(auraSamples.map((s) => s.done - s.started))}`);
    console.log('');
    const addedTtft = median(auraSamples.map(ttft)) - median(directSamples.map(ttft));
    const addedTotal = median(auraSamples.map(total)) - median(directSamples.map(total));
    const addedLast = median(auraSamples.map((s) => s.pieces.at(-1)!.at - s.modelDeltas.at(-1)!));
    console.log('overhead of Aura over the direct LangChain client (medians):');
    console.log(`  time to first token: +${ms(addedTtft)} (over raw fetch: +${ms(median(auraSamples.map(ttft)) - median(rawSamples.map(ttft)))})`);
    console.log(`  whole answer: +${ms(addedTotal)}, i.e. ${(addedTotal / TOKENS).toFixed(2)} ms per token; after the first token: ${((addedTotal - addedTtft) / TOKENS).toFixed(2)} ms per token`);
    console.log(`  last model delta → last token event at the client: ${ms(addedLast)}`);
  } finally {
    server.close();
    server.closeAllConnections();
    await agent.close();
    await sandboxes.shutdown();
    await fake.close();
    await close();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
