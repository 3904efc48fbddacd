import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createInnerContext } from '@/server/api/context';
import { createTRPCRouter, createCallerFactory, publicProcedure } from '@/server/api/trpc';
import { AppError } from '@/server/errors';
import { createTestDatabase } from '@/test/database';
import { reportServerError } from './report-error';
import { flushSentry, initSentry } from './sentry';

// A local stand-in for Sentry's ingest: it records every envelope it is sent.
const envelopes: { url: string; body: string }[] = [];
const ingest = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    envelopes.push({ url: req.url ?? '', body: (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString() });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => ingest.close(() => resolve())));

initSentry({ dsn: `http://publickey@127.0.0.1:${(ingest.address() as AddressInfo).port}/7`, environment: 'test' });

const { db } = await createTestDatabase();
const probe = createTRPCRouter({
  broken: publicProcedure.query(() => {
    throw new Error('disk on fire at /srv/aura/secret.ts');
  }),
  missing: publicProcedure.query(() => {
    throw new AppError('NOT_FOUND', 'Project was not found.');
  }),
});
const caller = createCallerFactory(probe)(createInnerContext({ db }));

async function envelopesAfter(action: () => Promise<unknown>): Promise<string[]> {
  const start = envelopes.length;
  await action().catch(() => {});
  await flushSentry(5_000);
  return envelopes.slice(start).map((envelope) => envelope.body);
}

describe('Sentry reporting (SENTRY_DSN set)', () => {
  it('sends an unexpected procedure error as an envelope to the DSN, tagged with its procedure', async () => {
    const sent = await envelopesAfter(() => caller.broken());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('disk on fire');
    expect(sent[0]).toContain('"path":"broken"');
    expect(envelopes.at(-1)!.url).toMatch(/^\/api\/7\/envelope\//);
  });

  it('sends nothing for expected errors (4xx)', async () => {
    expect(await envelopesAfter(() => caller.missing())).toHaveLength(0);
  });

  it('sends failed background jobs, once per error', async () => {
    const error = new Error('setup worker crashed');
    const sent = await envelopesAfter(async () => {
      reportServerError(error, { surface: 'job', path: 'project-setup' });
      reportServerError(error, { surface: 'job', path: 'project-setup' });
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('setup worker crashed');
    expect(sent[0]).toContain('"surface":"job"');
  });
});
