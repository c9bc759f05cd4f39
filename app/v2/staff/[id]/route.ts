// PATCH /v2/staff/{id} — rename, change role, deactivate or reactivate a staff member (admins only)
import { getDb } from '@/db/client';
import { adminActorOf, parseIdOrThrow } from '@/lib/admin/common';
import { updateStaff } from '@/lib/admin/staff';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ id: string }>({ envelope: 'v2', access: 'admin', body: true }, async (ctx) => ({
  status: 200,
  body: await updateStaff(await getDb(), adminActorOf(ctx), parseIdOrThrow(ctx.params.id), ctx.body),
}));

export const { GET, POST, PUT, DELETE } = methodNotAllowed('v2', ['PATCH']);
