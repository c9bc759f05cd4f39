// GET /v2/apiClients — the org's tills and OAuth clients; POST /v2/apiClients — add one, its secret shown once (admins only)
import { getDb } from '@/db/client';
import { createClient, listClients } from '@/lib/admin/api-clients';
import { adminActorOf } from '@/lib/admin/common';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2', access: 'admin' }, async ({ actor }) => ({
  status: 200,
  body: await listClients(await getDb(), actor.orgId),
}));

export const POST = apiRoute({ envelope: 'v2', access: 'admin', body: true }, async (ctx) => ({
  status: 200,
  body: await createClient(await getDb(), adminActorOf(ctx), ctx.body),
}));

export const { PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET', 'POST']);
