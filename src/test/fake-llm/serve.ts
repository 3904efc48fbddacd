/**
 * Runs the fake OpenAI-compatible server with the default script, for end-to-end tests and
 * benchmarks that start Aura with `OPENAI_BASE_URL=http://127.0.0.1:<port>/v1` and
 * `OPENAI_COMPATIBLE_MODELS=fake-model` (model id `local:fake-model`).
 *
 *   node --import tsx src/test/fake-llm/serve.ts [--port 4555] [--host 127.0.0.1] [--delay <ms per chunk>]
 *
 * Prints `fake-llm listening on <base URL>` once ready; stops on SIGINT or SIGTERM.
 * What it answers: see ./default-script.ts (`create <path> with <text>` → a write_file tool call,
 * a tool result → `Done: created <path>.`, anything else → `You said: …` word by word).
 */
import { parseArgs } from 'node:util';
import { createDefaultScript } from './default-script';
import { startFakeOpenAIServer } from './openai-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4555' },
    host: { type: 'string', default: '127.0.0.1' },
    delay: { type: 'string', default: '0' },
  },
});

const server = await startFakeOpenAIServer({
  port: Number(values.port),
  host: values.host,
  script: createDefaultScript({ delayMs: Number(values.delay) }),
});
console.log(`fake-llm listening on ${server.baseUrl}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
