// GET /v2/staff — the org's staff; POST /v2/staff — add one, with a one-time password (admins only)
import { getDb } from '@/db/client';
import { adminActorOf } from '@/lib/admin/common';
import { createStaff, listStaff } from '@/lib/admin/staff';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2', access: 'admin' }, async ({ actor }) => ({
  status: 200,
  body: await listStaff(await getDb(), actor.orgId),
}));

export const POST = apiRoute({ envelope: 'v2', access: 'admin', body: true }, async (ctx) => ({
  status: 200,
  body: await createStaff(await getDb(), adminActorOf(ctx), ctx.body),
}));

export const { PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET', 'POST']);
