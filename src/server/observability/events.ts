import { domainLogger } from '@/server/logger';
import { getMetrics } from './metrics';

/**
 * The seed's lifecycle events: one function per event, each writing its log line and moving its
 * metric, so services call one line and the log and the metrics never disagree.
 */

interface SessionInfo {
  id: string;
  type: string;
  projectId: string | null;
  createdAt?: Date;
}

export const projectEvents = {
  created(project: { id: string; ownerId: string; framework: string; uiLibrary?: string | null }) {
    domainLogger('projects').info({ event: 'project_created', projectId: project.id, userId: project.ownerId, framework: project.framework, uiLibrary: project.uiLibrary }, 'project created');
    getMetrics().projectsCreated.inc({ outcome: 'success' });
  },
  createFailed(error: unknown, outcome: string) {
    domainLogger('projects').warn({ event: 'project_create_failed', err: error, outcome }, 'project creation failed');
    getMetrics().projectsCreated.inc({ outcome });
  },
  setupQueued(projectId: string, retry: boolean) {
    domainLogger('projects').info({ event: 'project_setup_queued', projectId, retry }, retry ? 'project setup queued again' : 'project setup queued');
  },
  stepStarted(projectId: string, step: string) {
    domainLogger('projects').debug({ event: 'project_setup_step', projectId, step }, `setup step ${step} started`);
  },
  ready(projectId: string) {
    domainLogger('projects').info({ event: 'project_ready', projectId }, 'project is ready');
    getMetrics().projectSetups.inc({ outcome: 'ready', step: 'ready' });
  },
  setupFailed(projectId: string, step: string, error: unknown) {
    domainLogger('projects').warn({ event: 'project_setup_failed', projectId, step, err: error }, 'project setup failed');
    getMetrics().projectSetups.inc({ outcome: 'error', step });
  },
  deleted(projectId: string) {
    domainLogger('projects').info({ event: 'project_deleted', projectId }, 'project deleted');
  },
};

export const sessionEvents = {
  opened(session: SessionInfo, resumed: boolean) {
    domainLogger('sessions').info({ event: 'session_opened', sessionId: session.id, type: session.type, projectId: session.projectId, resumed }, resumed ? 'session resumed' : 'session opened');
    getMetrics().sessionsOpened.inc({ type: session.type });
  },
  keptAlive(session: SessionInfo, from: string, to: string) {
    getMetrics().sessionKeepAlives.inc({ status: to });
    if (from !== to) domainLogger('sessions').info({ event: 'session_state_changed', sessionId: session.id, type: session.type, from, to }, `session ${to}`);
  },
  idled(count: number) {
    if (count > 0) domainLogger('sessions').info({ event: 'session_state_changed', to: 'idle', count }, 'quiet sessions marked idle');
  },
  ended(session: SessionInfo, reason: 'closed' | 'expired') {
    domainLogger('sessions').info({ event: 'session_ended', sessionId: session.id, type: session.type, projectId: session.projectId, reason }, 'session ended');
    getMetrics().sessionsEnded.inc({ type: session.type, reason });
    if (session.createdAt) getMetrics().sessionDuration.observe({ type: session.type }, (Date.now() - session.createdAt.getTime()) / 1000);
  },
};

/** A sandbox operation failed: counted for the "sandbox failures" alert and logged with its cause. */
export function sandboxFailed(options: { provider: string; operation: string; projectId?: string; error: unknown }): void {
  domainLogger('sandbox').warn({ event: 'sandbox_failure', provider: options.provider, operation: options.operation, projectId: options.projectId, err: options.error }, `sandbox ${options.operation} failed`);
  getMetrics().sandboxFailures.inc({ provider: options.provider, operation: options.operation });
}
