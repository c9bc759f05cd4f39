// The request parts every write after registration reads: the customer id of the path, the source
// account of the query, If-Match, and who is calling from which request.
import type { CareInput } from '@/lib/customers/care';
import { parseCustomerId } from '@/lib/customers/customer-id';
import { ApiError } from '@/lib/errors';
import type { AuthedCtx } from './handler';
import { ifMatchOf } from './versions';

export function careInputOf({
  req,
  params,
  actor,
  body,
  requestId,
  userContext,
}: AuthedCtx<{ id: string }>): CareInput {
  const customerId = parseCustomerId(params.id);
  // Not an id answers like an unknown one.
  if (customerId === null) throw ApiError.of(8015);
  const query = new URL(req.url).searchParams;
  return {
    actor,
    customerId,
    body,
    source: query.get('source'),
    accountId: query.get('accountId'),
    ifMatch: ifMatchOf(req),
    requestId,
    userContext,
  };
}
