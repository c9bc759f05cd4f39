// GET /v2/customers/lookup — the id of the customer holding an identifier (?identifierName=&identifierValue=&source=&accountId=)
import { getDb } from '@/db/client';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { LookupQuerySchema, parseQuery } from '@/lib/api/query';
import type { LookupResponse } from '@/lib/api/schemas';
import { getOrgConfig } from '@/lib/config/cache';
import { lookupCustomerId } from '@/lib/customers/read';
import { ApiError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2' }, async ({ req, actor }) => {
  // Lookups default to INSTORE, like Capillary's; source=ALL searches every source.
  const { identifierName: type, identifierValue: value, source, accountId } = parseQuery(LookupQuerySchema, req.url);
  const config = await getOrgConfig(actor.orgId);
  const id = config && (await lookupCustomerId(await getDb(), config, { type, value, source, accountId }));
  if (!id) throw ApiError.of(8015);
  const body: LookupResponse = { entity: id, warnings: [] };
  return { status: 200, body };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
