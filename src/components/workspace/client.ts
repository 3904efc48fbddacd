import { TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';
import type { useTRPCClient } from '@/trpc/react';

/** The vanilla tRPC client, for imperative calls from stores, Monaco and xterm. */
export type WorkspaceClient = ReturnType<typeof useTRPCClient>;

/** What procedures answer, for props typed by the API. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The tRPC error code of a failed call, if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** A message fit to show: the server's own for domain errors, a generic one otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
