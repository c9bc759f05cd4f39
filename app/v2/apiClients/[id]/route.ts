// PATCH /v2/apiClients/{id} — change a client's access, revoke or restore it (admins only)
import { getDb } from '@/db/client';
import { updateClient } from '@/lib/admin/api-clients';
import { adminActorOf, parseIdOrThrow } from '@/lib/admin/common';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ id: string }>({ envelope: 'v2', access: 'admin', body: true }, async (ctx) => ({
  status: 200,
  body: await updateClient(await getDb(), adminActorOf(ctx), parseIdOrThrow(ctx.params.id), ctx.body),
}));

export const { GET, POST, PUT, DELETE } = methodNotAllowed('v2', ['PATCH']);
