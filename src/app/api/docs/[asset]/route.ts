import { docsAsset } from '@/server/rest/docs';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, context: { params: Promise<{ asset: string }> }) {
  return docsAsset((await context.params).asset);
}
