import { getOpenApiDocument } from '@/server/rest/document';

export const dynamic = 'force-dynamic';

/** The REST surface's OpenAPI 3.1 document, generated from the procedures (see src/server/rest/document.ts). */
export function GET() {
  return Response.json(getOpenApiDocument(), { headers: { 'cache-control': 'no-cache' } });
}
