import { handleTrpcRequest } from '@/server/api/http';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';
// On Vercel, SSE subscriptions may stay open as long as the server lets them (sse.maxDurationMs,
// 5 minutes in src/server/api/trpc.ts); then the client reconnects and resumes.
export const maxDuration = 300;

const handler = (req: Request) => handleTrpcRequest(req, { db: getDb() });

export { handler as GET, handler as POST };
