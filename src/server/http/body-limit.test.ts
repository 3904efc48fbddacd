import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT, FILE_BODY_LIMIT, MAX_REQUEST_BODY, trpcBodyLimit } from './body-limit';

describe('request body limits', () => {
  it('give each call in a batch its allowance, up to what one request may carry', () => {
    expect(trpcBodyLimit('/api/trpc/projects.create', '/api/trpc')).toBe(DEFAULT_BODY_LIMIT);
    expect(trpcBodyLimit('/api/trpc/files.upload', '/api/trpc')).toBe(FILE_BODY_LIMIT);
    expect(trpcBodyLimit('/api/trpc/projects.list,projects.get', '/api/trpc')).toBe(2 * DEFAULT_BODY_LIMIT);
    // Two uploads in one batch: more than Next's proxy lets through, so no more than one request's worth.
    expect(trpcBodyLimit('/api/trpc/files.upload,files.write', '/api/trpc')).toBe(MAX_REQUEST_BODY);
  });

  it('are matched by the proxy’s body buffer, which keeps one byte more so that an oversized body still looks oversized', async () => {
    const config = (await import(pathToFileURL(path.resolve('next.config.mjs')).href)) as { default: { experimental?: { proxyClientMaxBodySize?: number } } };
    expect(config.default.experimental?.proxyClientMaxBodySize).toBe(MAX_REQUEST_BODY + 1);
  });
});
