import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { appRouter } from '@/server/api/root';
import type { ProcedureMeta } from '@/server/api/trpc';
import { sessionCookieName } from '@/server/auth/cookies';

/** Where the REST paths live; the OpenAPI document's `servers[0]`. */
export const REST_BASE_PATH = '/api';

interface ProcedureDef {
  _def: { meta?: ProcedureMeta; inputs: { meta?: () => { examples?: unknown[] } | undefined }[] };
}
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

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

type OperationObject = NonNullable<NonNullable<OpenAPIObject['paths']>[string]['get']>;

/** Statuses the library does not document on its own, as `components.responses`. */
const EXTRA_ERRORS: Record<number, [code: string, description: string]> = {
  404: ['NOT_FOUND', 'Not found, or not yours'],
  409: ['CONFLICT', 'Already taken (the issues name the field)'],
  429: ['TOO_MANY_REQUESTS', 'Too many requests: wait for Retry-After seconds'],
};

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
      cookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName(false), description: "The browser's Auth.js session (named `__Secure-authjs.session-token` over HTTPS). Writes with it must come from Aura's own origin." },
    },
  });
  const schemas = (document.components!.schemas ??= {});
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      const procedure = Object.values(procedures).find((candidate) => candidate._def.meta?.openapi?.path === path && candidate._def.meta.openapi.method.toLowerCase() === method);
      const meta = procedure?._def.meta;
      const responses = (operation.responses ??= {});
      if (meta?.status && responses['200']) {
        const { 200: success, ...rest } = responses;
        operation.responses = { [meta.status]: success, ...rest };
      }
      // A path naming a resource answers 404 when it is not the caller's (or does not exist).
      const statuses = [...(path.includes('{') ? [404] : []), ...(meta?.errors ?? [])];
      for (const status of statuses) operation.responses[status] ??= { $ref: `#/components/responses/${status}` };
      // The example a client can send as is (ids and tokens aside): from the input schemas' `examples`.
      const example = Object.assign({}, ...(procedure?._def.inputs ?? []).map((input) => input.meta?.()?.examples?.[0] ?? {})) as Record<string, unknown>;
      for (const parameter of (operation.parameters ?? []) as { name: string; example?: unknown }[]) {
        if (parameter.name in example) parameter.example = example[parameter.name];
      }
      const body = (operation.requestBody as { content?: Record<string, { example?: unknown }> } | undefined)?.content?.['application/json'];
      if (body) body.example = Object.fromEntries(Object.entries(example).filter(([key]) => !path.includes(`{${key}}`)));
    }
  }
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.startsWith('error.')) continue;
    const code = name.slice('error.'.length);
    schemas[name] = errorEnvelope(code, (schema as { example?: { message?: string } }).example?.message ?? code);
  }
  document.components!.responses = Object.fromEntries(
    Object.entries(EXTRA_ERRORS).map(([status, [code, description]]) => {
      schemas[`error.${code}`] ??= errorEnvelope(code, description);
      return [status, { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/error.${code}` } } } }];
    }),
  );
  return document;
}
