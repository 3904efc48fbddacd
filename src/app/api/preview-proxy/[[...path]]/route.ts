import { getDb } from '@/server/db';
import { PREVIEW_PROOF_HEADER } from '@/server/http/preview-proof';
import { servePreview } from '@/server/preview/serve-preview';
import { getSandboxProvider } from '@/server/sandbox';

export const dynamic = 'force-dynamic';

// The proxy's proof (src/proxy.ts) is for this server only: the dev server must never see it.
const handler = (req: Request) => {
  const headers = new Headers(req.headers);
  headers.delete(PREVIEW_PROOF_HEADER);
  return servePreview(new Request(req, { headers }), { db: getDb(), sandboxes: getSandboxProvider() });
};

export { handler as DELETE, handler as GET, handler as HEAD, handler as OPTIONS, handler as PATCH, handler as POST, handler as PUT };
