import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { processSingleton } from '@/server/registry';

/**
 * Every metric Aura exports at /api/metrics, in one registry. It is a process singleton so that
 * every chunk counts into it, and Next's dev server, which re-evaluates modules on hot reload,
 * does not register them twice.
 */
function createMetrics() {
  const registry = new Registry();
  // process_resident_memory_bytes, process_cpu_seconds_total, nodejs_eventloop_lag_seconds ...
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    registrations: new Counter({ name: 'aura_auth_registrations_total', help: 'Sign-ups, by outcome (success, invalid, conflict, throttled, error).', labelNames: ['outcome'], registers }),
    logins: new Counter({ name: 'aura_auth_logins_total', help: 'Password logins, by outcome (success, failure, locked, throttled, error).', labelNames: ['outcome'], registers }),
    authFailures: new Counter({ name: 'aura_auth_failures_total', help: 'Failed authentications: bad credentials, lockouts, refused tokens, refresh-token reuse.', labelNames: ['reason'], registers }),
    projectsCreated: new Counter({ name: 'aura_projects_created_total', help: 'Project creations, by outcome (success, invalid, error).', labelNames: ['outcome'], registers }),
    projectSetups: new Counter({ name: 'aura_project_setups_total', help: 'Finished project setups, by outcome (ready, error) and the failing step.', labelNames: ['outcome', 'step'], registers }),
    sessionsOpened: new Counter({ name: 'aura_sessions_opened_total', help: 'Workspace sessions opened or resumed, by type.', labelNames: ['type'], registers }),
    sessionsEnded: new Counter({ name: 'aura_sessions_ended_total', help: 'Workspace sessions ended, by type and reason (closed, expired).', labelNames: ['type', 'reason'], registers }),
    sessionKeepAlives: new Counter({ name: 'aura_session_keepalives_total', help: 'Keep-alives from open workspaces: the activity signal.', labelNames: ['status'], registers }),
    sessionDuration: new Histogram({
      name: 'aura_session_duration_seconds',
      help: 'How long workspace sessions lasted, from open to end.',
      labelNames: ['type'],
      buckets: [60, 300, 900, 1_800, 3_600, 7_200, 14_400, 28_800],
      registers,
    }),
    procedureDuration: new Histogram({
      name: 'aura_trpc_request_duration_seconds',
      help: 'tRPC procedure time (REST paths included: they call the procedures), by procedure and type.',
      labelNames: ['procedure', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    procedureErrors: new Counter({ name: 'aura_trpc_errors_total', help: 'tRPC procedure errors, by procedure and tRPC code.', labelNames: ['procedure', 'code'], registers }),
    serverErrors: new Counter({ name: 'aura_server_errors_total', help: 'Unexpected server errors (logged with their cause, sent to Sentry), by surface: trpc, rest, job, background.', labelNames: ['surface'], registers }),
    sandboxFailures: new Counter({ name: 'aura_sandbox_failures_total', help: 'Sandbox operations that failed (provision, write-through, dev server, kill), by provider and operation.', labelNames: ['provider', 'operation'], registers }),
    busRejected: new Counter({ name: 'aura_bus_rejected_total', help: 'Redis bus messages and terminal directory entries dropped as not signed by an Aura instance, by reason (malformed, bad-mac, expired, replayed).', labelNames: ['reason'], registers }),
    jobFailures: new Counter({ name: 'aura_job_failures_total', help: 'Background job attempts that failed, by queue and whether it was the last attempt.', labelNames: ['queue', 'final'], registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function getMetrics(): Metrics {
  return processSingleton('observability.metrics', createMetrics);
}
