import { env } from '@/env';
import { serveMetrics } from '@/server/observability/metrics-endpoint';

export const dynamic = 'force-dynamic';

export const GET = (req: Request) => serveMetrics(req, { token: env.METRICS_TOKEN });
