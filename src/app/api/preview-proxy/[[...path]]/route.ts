import { getDb } from '@/server/db';
import { servePreview } from '@/server/preview/serve-preview';
import { getSandboxProvider } from '@/server/sandbox';

export const dynamic = 'force-dynamic';

const handler = (req: Request) => servePreview(req, { db: getDb(), sandboxes: getSandboxProvider() });

export { handler as DELETE, handler as GET, handler as HEAD, handler as OPTIONS, handler as PATCH, handler as POST, handler as PUT };
