import type { Throttle } from '@/server/auth/throttle';
import type { Database } from '@/server/db/client';
import type { SandboxProvider } from '@/server/sandbox/types';
import { procedureRoute } from './procedure-route';

/**
 * The seed's REST paths, each a thin adapter over its tRPC procedure. Request bodies are
 * `unknown` here on purpose: the procedure validates them with the shared schema.
 */
export function restRoutes(deps: { db: () => Database; throttle?: () => Throttle; sandboxes?: () => SandboxProvider }) {
  return {
    signup: { POST: procedureRoute((api, body) => api.auth.signup(body as never), { ...deps, readBody: true, status: 201 }) },
    login: { POST: procedureRoute((api, body) => api.auth.login(body as never), { ...deps, readBody: true }) },
    logout: { POST: procedureRoute((api) => api.auth.logout(), deps) },
    refresh: { POST: procedureRoute((api, body) => api.auth.refresh(body as never), { ...deps, readBody: true }) },
    profile: {
      GET: procedureRoute(async (api) => ({ success: true, user: await api.auth.profile() }), deps),
      PUT: procedureRoute(async (api, body) => ({ success: true, user: await api.auth.updateProfile(body as never) }), { ...deps, readBody: true }),
    },
    activeSessions: { GET: procedureRoute(async (api) => ({ success: true, ...(await api.sessions.active()) }), deps) },
    createSession: { POST: procedureRoute((api, body) => api.sessions.create(body as never), { ...deps, readBody: true, status: 201 }) },
    session: {
      GET: procedureRoute(async (api, _body, { id }) => ({ success: true, ...(await api.sessions.byId({ sessionId: id! })) }), deps),
      PUT: procedureRoute(async (api, body, { id }) => ({ success: true, ...(await api.sessions.update({ ...(body as object), sessionId: id! })) }), { ...deps, readBody: true }),
      DELETE: procedureRoute((api, _body, { id }) => api.sessions.delete({ sessionId: id! }), deps),
    },
    createProject: { POST: procedureRoute((api, body) => api.projects.create(body as never), { ...deps, readBody: true, status: 201 }) },
    frameworks: { GET: procedureRoute((api) => api.frameworks.list(), deps) },
    uiLibraries: {
      GET: procedureRoute((api, _body, params) => api.frameworks.uiLibraries(params.framework ? { framework: params.framework as never } : {}), deps),
    },
    projectSetup: { POST: procedureRoute((api, _body, { id }) => api.projects.setup({ projectId: id! }), deps) },
    projectStatus: { GET: procedureRoute(async (api, _body, { id }) => ({ success: true, ...(await api.projects.status({ projectId: id! })) }), deps) },
    projectSession: {
      POST: procedureRoute((api, _body, { id }) => api.sessions.create({ projectId: id!, type: 'editor' }), { ...deps, status: 201 }),
    },
  };
}
