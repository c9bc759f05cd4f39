// POST /v2/staff/{id}/resetPassword — a new one-time password; the old one fails at once (admins only)
import { getDb } from '@/db/client';
import { adminActorOf, parseIdOrThrow } from '@/lib/admin/common';
import { resetStaffPassword } from '@/lib/admin/staff';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>({ envelope: 'v2', access: 'admin' }, async (ctx) => ({
  status: 200,
  body: await resetStaffPassword(await getDb(), adminActorOf(ctx), parseIdOrThrow(ctx.params.id)),
}));

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['POST']);
