import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { appRouter } from '@/server/api/root';
import type { ProcedureMeta } from '@/server/api/trpc';
import { sessionCookieName } from '@/server/auth/cookies';

/** Where the REST paths live; the OpenAPI document's `servers[0]`. */
export const REST_BASE_PATH = '/api';

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;

/** A procedure's metadata by its path (`auth.signup`). */
export function procedureMeta(path: string | undefined): ProcedureMeta | undefined {
  return path ? procedures[path]?._def.meta : undefined;
}

/** How every REST error reads (the library's default shape is replaced by it, see below). */
type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
const errorEnvelope = (code: string, message: string): SchemaObject => ({
  type: 'object' as const,
  title: `${code} error`,
  required: ['success', 'error'],
  properties: {
    success: { const: false },
    error: {
      type: 'object' as const,
      required: ['code', 'message', 'issues'],
      properties: {
        code: { const: code },
        message: { type: 'string' as const, example: message },
        issues: {
          description: 'Which fields were refused and why, for invalid input; else null.',
          anyOf: [
            {
              type: 'array' as const,
              items: {
                type: 'object' as const,
                required: ['path', 'message', 'code'],
                properties: { path: { type: 'array' as const, items: { type: ['string' as const, 'integer' as const] } }, message: { type: 'string' as const }, code: { type: 'string' as const } },
              },
            },
            { type: 'null' as const },
          ],
        },
      },
    },
  },
});

let cached: OpenAPIObject | undefined;

/**
 * The OpenAPI 3.1 document of the REST surface, generated from the procedures' `openapi` metadata
 * and their Zod input and output schemas (served at /api/openapi.json). Two things the library
 * cannot express are set here from the same metadata: success statuses other than 200, and Aura's
 * error envelope.
 */
export function getOpenApiDocument(): OpenAPIObject {
  cached ??= build();
  return cached;
}

function build(): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: 'Aura IDE API',
    version: '1.0.0',
    description:
      'Sign in with `POST /auth/login` (or `/auth/signup`) and send the `accessToken` as `Authorization: Bearer <token>`. Access tokens last 15 minutes: trade the `refreshToken` at `POST /auth/refresh` before then. The same procedures are served over tRPC at /api/trpc (with subscriptions over SSE); see the README for the typed client.',
    baseUrl: REST_BASE_PATH,
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from /auth/login, /auth/signup or /auth/refresh.' },
      cookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName(), description: "The browser's Auth.js session. Writes with it must come from Aura's own origin." },
    },
  });
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const meta = Object.values(procedures).find((procedure) => procedure._def.meta?.openapi?.path === path && procedure._def.meta.openapi.method.toLowerCase() === method)?._def.meta;
      if (meta?.status && operation.responses?.['200']) {
        const { 200: success, ...rest } = operation.responses;
        operation.responses = { [meta.status]: success, ...rest };
      }
    }
  }
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (!name.startsWith('error.')) continue;
    const code = name.slice('error.'.length);
    document.components!.schemas![name] = errorEnvelope(code, (schema as { example?: { message?: string } }).example?.message ?? code);
  }
  return document;
}
