// OAuth tokens for API clients (POST /v3/oauth/token/generate, header X-CAP-API-OAUTH-TOKEN).
// A token is a JWT (HS256) that names its client and org and lives 300 s. Verifying it costs no
// database round trip: only the "is this client still active" check reads the table, cached 30 s.
import { hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findApiClientByKey } from '@/db/queries/api-clients';
import type { Actor } from '@/lib/api/actor';
import { authSecret } from '@/lib/env';
import { hashClientSecret, md5hex, verifyClientSecret } from './secrets';

export const OAUTH_TOKEN_TTL_SECONDS = 300;
const ISSUER = 'member-care';
const AUDIENCE = 'member-care-api';
const CLIENT_CACHE_MS = 30_000;

type OAuthActor = Extract<Actor, { type: 'OAUTH_CLIENT' }>;
interface Entry {
  actor: OAuthActor | null;
  expires: number;
}
interface State {
  key?: { secret: string; bytes: Uint8Array };
  clients: Map<string, Entry>;
}
const g = globalThis as typeof globalThis & { __memberCareOAuth?: State };
const state: State = (g.__memberCareOAuth ??= { clients: new Map() });

/** A key of its own for tokens, derived from AUTH_SECRET, so a session key can never verify a token. */
function signingKey(): Uint8Array {
  const secret = authSecret();
  if (state.key?.secret !== secret) {
    const bytes = new Uint8Array(hkdfSync('sha256', secret, 'member-care', 'oauth-access-token v1', 32));
    state.key = { secret, bytes };
  }
  return state.key.bytes;
}

const Claims = z.object({ sub: z.string().min(1), org: z.number().int().positive(), cid: z.number().int().positive() });

/** The client as it is now (active, same org and id), cached briefly so a token costs no query. */
async function currentClient(claims: z.infer<typeof Claims>): Promise<OAuthActor | null> {
  const cacheKey = `${claims.org}:${claims.cid}:${claims.sub}`;
  const now = Date.now();
  const hit = state.clients.get(cacheKey);
  if (hit && hit.expires > now) return hit.actor;
  const row = await findApiClientByKey(await getDb(), 'OAUTH_CLIENT', claims.sub);
  const actor: OAuthActor | null =
    row && row.id === claims.cid && row.orgId === claims.org
      ? {
          type: 'OAUTH_CLIENT',
          orgId: row.orgId,
          clientId: row.id,
          code: row.key,
          canWriteCustomers: row.canWriteCustomers,
        }
      : null;
  state.clients.set(cacheKey, { actor, expires: now + CLIENT_CACHE_MS });
  return actor;
}

/** Verifies a token; null when it is missing, expired, forged or its client is gone. */
export async function authenticateOAuthToken(token: string): Promise<Actor | null> {
  if (!token) return null;
  let claims: z.infer<typeof Claims>;
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const parsed = Claims.safeParse(payload);
    if (!parsed.success) return null;
    claims = parsed.data;
  } catch {
    return null; // bad signature, expired, malformed: all the same 401 to the caller
  }
  return currentClient(claims);
}

/** A token for an active OAuth client whose key and secret match; null otherwise. */
export async function issueOAuthToken(
  key: string,
  secret: string,
): Promise<{ accessToken: string; ttlSeconds: number } | null> {
  const client = await findApiClientByKey(await getDb(), 'OAUTH_CLIENT', key);
  const md5 = md5hex(secret);
  // Hash even for an unknown key, so the answer takes as long either way.
  const ok = client
    ? verifyClientSecret(md5, client.secretSalt, client.secretHash)
    : (hashClientSecret(md5, 'x'), false);
  if (!client || !ok) return null;
  const accessToken = await new SignJWT({ org: client.orgId, cid: client.id })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(client.key)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${OAUTH_TOKEN_TTL_SECONDS}s`)
    .sign(signingKey());
  return { accessToken, ttlSeconds: OAUTH_TOKEN_TTL_SECONDS };
}

/** Forget cached client checks (tests, and after a client is deactivated or its access changes). */
export function clearOAuthClientCache(): void {
  state.clients.clear();
}
