// POST /v2/apiClients/{id}/rotate — a new secret, the old one kept for an overlap (admins only)
import { getDb } from '@/db/client';
import { rotateClientSecret } from '@/lib/admin/api-clients';
import { adminActorOf, parseIdOrThrow } from '@/lib/admin/common';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>({ envelope: 'v2', access: 'admin', body: true }, async (ctx) => ({
  status: 200,
  body: await rotateClientSecret(await getDb(), adminActorOf(ctx), parseIdOrThrow(ctx.params.id), ctx.body),
}));

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['POST']);
