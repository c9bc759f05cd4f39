// GET /v2/audit — the org's admin log: staff, client and configuration decisions, newest first (admins only)
import { getDb } from '@/db/client';
import { readAdminLog } from '@/lib/admin/audit';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2', access: 'admin' }, async ({ req, actor }) => ({
  status: 200,
  body: await readAdminLog(await getDb(), actor.orgId, req.url),
}));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
