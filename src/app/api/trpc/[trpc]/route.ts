import { handleTrpcRequest } from '@/server/api/http';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

const handler = (req: Request) => handleTrpcRequest(req, { db: getDb() });

export { handler as GET, handler as POST };
