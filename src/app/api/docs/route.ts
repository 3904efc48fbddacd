import { docsPage } from '@/server/rest/docs';

export const dynamic = 'force-dynamic';

/** The API reference, rendered from /api/openapi.json. */
export const GET = docsPage;
