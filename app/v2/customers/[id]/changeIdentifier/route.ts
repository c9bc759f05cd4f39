// POST /v2/customers/{id}/changeIdentifier — add, remove or replace identifiers of a source account
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { careInputOf } from '@/lib/api/care-input';
import { etagOf } from '@/lib/api/versions';
import { changeIdentifiers } from '@/lib/customers/change-identifier';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>({ envelope: 'v2', access: 'customers:write', body: true }, async (ctx) => {
  const result = await changeIdentifiers(await getDb(), careInputOf(ctx));
  return { status: 200, body: result, headers: { etag: etagOf(result.version) } };
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['POST']);
