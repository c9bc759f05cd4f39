// POST /v3/oauth/token/generate — exchange an OAuth client's key and secret for a 300-second access token
import { z } from 'zod';
import { methodNotAllowed, publicRoute } from '@/lib/api/handler';
import { issueOAuthToken } from '@/lib/auth/oauth';
import { ApiError, errorItem } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const TokenRequest = z.object({
  key: z.string().min(1).max(255),
  secret: z.string().min(1).max(1024),
});

export const POST = publicRoute({ envelope: 'v3', body: true }, async ({ body }) => {
  const parsed = TokenRequest.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(parsed.error.issues.map((issue) => {
      const path = issue.path.join('.') || 'body';
      return errorItem(400, { path, problem: issue.message }, path);
    }));
  }
  const token = await issueOAuthToken(parsed.data.key, parsed.data.secret);
  if (!token) throw ApiError.of(401);
  return { status: 200, body: { data: token, errors: null, warnings: [] } };
});

const notAllowed = methodNotAllowed('v3', ['POST']);
export const { GET, PUT, PATCH, DELETE } = notAllowed;
