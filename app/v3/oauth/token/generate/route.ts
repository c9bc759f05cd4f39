// POST /v3/oauth/token/generate — exchange an OAuth client's key and secret for a 300-second access token
import { methodNotAllowed, publicRoute } from '@/lib/api/handler';
import { TokenRequestSchema } from '@/lib/api/schemas';
import { issueOAuthToken } from '@/lib/auth/oauth';
import { issuesToErrors } from '@/lib/customers/issues';
import { ApiError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';

export const dynamic = 'force-dynamic';

export const POST = publicRoute({ envelope: 'v3', body: true }, async ({ req, body }) => {
  const parsed = TokenRequestSchema.safeParse(body);
  if (!parsed.success) throw new ApiError(issuesToErrors(parsed.error.issues));
  const address = clientAddress((name) => req.headers.get(name));
  const token = await issueOAuthToken(parsed.data.key, parsed.data.secret, address);
  if (!token) throw ApiError.of(401);
  return { status: 200, body: { data: token, errors: null, warnings: [] } };
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed('v3', ['POST']);
