import { inject } from 'vitest';

// App modules validate the environment when they load (src/env). Tests pass their own database to
// services; this URL only satisfies validation, and points at the run's server.
process.env.DATABASE_URL ??= inject('testDatabase').adminUrl;
process.env.AUTH_SECRET ??= 'test-secret-that-is-at-least-32-characters-long';
