import { AuthenticationError, FileNotFoundError, InvalidArgumentError, NotEnoughSpaceError, RateLimitError, SandboxNotFoundError, ServiceBusyError, TemplateError, TimeoutError } from 'e2b';
import { describe, expect, it } from 'vitest';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { asTRPCError } from '@/server/api/trpc';
import { retryAfterSeconds } from '@/server/api/http';
import { AppError, isAppError } from '@/server/errors';
import { toAppError } from './errors';
import { setup } from './fake-sdk';

/** What a client gets for an SDK error: the HTTP status, Retry-After and message the API answers with. */
function answer(error: unknown) {
  const mapped = asTRPCError(toAppError(error, 'src/App.tsx'));
  return { status: getHTTPStatusCodeFromError(mapped), retryAfter: retryAfterSeconds(mapped), message: mapped.message };
}

// The SDK's own classes, built as the SDK builds them (e.g. RateLimitError for a 429 from the API or envd).
describe('e2b errors as domain errors', () => {
  it('a rate limit is a 429 with Retry-After, not a 500', () => {
    expect(answer(new RateLimitError('429: The requests are being rate limited.'))).toEqual({ status: 429, retryAfter: 10, message: expect.stringContaining('rate limiting') });
  });

  it('a busy service is a 503 to retry shortly', () => {
    expect(answer(new ServiceBusyError('503: no capacity'))).toEqual({ status: 503, retryAfter: 5, message: expect.stringContaining('busy') });
  });

  it('a sandbox that does not answer in time is a 503', () => {
    expect(answer(new TimeoutError('[deadline_exceeded] context deadline exceeded'))).toMatchObject({ status: 503, retryAfter: 1 });
  });

  it('a refused API key or template is a 503 that blames the server, not the user, and keeps the key out of the message', () => {
    for (const error of [new AuthenticationError('401: Invalid API key e2b_1234567890abcdef'), new TemplateError('template too old')]) {
      const { status, message, retryAfter } = answer(error);
      expect(status).toBe(503);
      expect(retryAfter).toBe(60);
      expect(message).toMatch(/server configuration problem/);
      expect(message).not.toMatch(/e2b_|401|template too old/);
    }
  });

  it('a missing sandbox or file is a 404, bad input a 400, a full disk a 412', () => {
    expect(answer(new SandboxNotFoundError('sandbox not found')).status).toBe(404);
    expect(answer(new FileNotFoundError('no such file')).message).toBe('"src/App.tsx" does not exist in the sandbox.');
    expect(answer(new InvalidArgumentError('path is a directory')).status).toBe(400);
    expect(answer(new NotEnoughSpaceError('no space left on device')).status).toBe(412);
  });

  it('keeps the SDK error as the cause for the logs, and passes unknown errors and domain errors through', () => {
    const sdkError = new RateLimitError('slow down');
    expect((toAppError(sdkError) as AppError).cause).toBe(sdkError);
    const unknown = new Error('socket hang up');
    expect(toAppError(unknown)).toBe(unknown);
    const domain = new AppError('CONFLICT', 'taken');
    expect(toAppError(domain)).toBe(domain);
  });

  it('maps the errors of create and connect too (a 429 while reconnecting is not a 500)', async () => {
    const { client, provider } = setup();
    client.create.mockRejectedValueOnce(new RateLimitError('429'));
    await expect(provider.create()).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    client.connect.mockRejectedValueOnce(new ServiceBusyError('503'));
    const refused = await provider.connect('sbx-1').catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('SERVICE_UNAVAILABLE');
    client.connect.mockRejectedValueOnce(new SandboxNotFoundError('gone'));
    expect(await provider.connect('sbx-1')).toBeNull();
  });
});
