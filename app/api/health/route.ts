// GET /api/health — 200 when the app and its database answer, 503 otherwise; like every API answer
// it carries X-Request-Id, and another method gets 405 in the envelope.
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { methodNotAllowed, publicRoute } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const GET = publicRoute({ envelope: 'v2' }, async () => {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return { status: 200, body: { status: 'ok', database: 'ok' } };
  } catch {
    return { status: 503, body: { status: 'error', database: 'unreachable' } };
  }
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
