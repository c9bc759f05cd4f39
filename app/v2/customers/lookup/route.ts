// GET /v2/customers/lookup — the id of the customer holding an identifier (?identifierName=&identifierValue=&source=&accountId=)
import { getDb } from '@/db/client';
import type { LookupResponse } from '@/lib/api/schemas';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { getOrgConfig } from '@/lib/config/cache';
import { lookupCustomerId, sourceParamOf } from '@/lib/customers/read';
import { canonicalIdentifierType } from '@/lib/vocabulary';
import { ApiError, errorItem } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ envelope: 'v2' }, async ({ req, actor }) => {
  const query = new URL(req.url).searchParams;
  const name = query.get('identifierName')?.trim() ?? '';
  const value = query.get('identifierValue') ?? '';
  const missing = Object.entries({ identifierName: name, identifierValue: value.trim() })
    .filter(([, given]) => given === '')
    .map(([param]) => errorItem(400, { path: param, problem: 'is required' }, param));
  if (missing.length) throw new ApiError(missing);
  const type = canonicalIdentifierType(name);
  if (!type) throw ApiError.of(8121, { type: name }, { field: 'identifierName' });
  // Lookups default to INSTORE, like Capillary's; source=ALL searches every source.
  const rawSource = query.get('source');
  const source = rawSource === null || rawSource.trim() === '' ? 'INSTORE' : sourceParamOf(rawSource);
  const accountId = query.get('accountId')?.trim() || undefined;
  const config = await getOrgConfig(actor.orgId);
  const id = config && (await lookupCustomerId(await getDb(), config, { type, value, source, accountId }));
  if (!id) throw ApiError.of(8015);
  const body: LookupResponse = { entity: id, warnings: [] };
  return { status: 200, body };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
