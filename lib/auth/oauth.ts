// OAuth tokens for API clients (POST /v3/oauth/token/generate, header X-CAP-API-OAUTH-TOKEN).
// A token is a JWT (HS256) that names its client and org and lives 300 s. Verifying it costs no
// database round trip: only the "is this client still active, may it write" check reads the table,
// rechecked within AUTH_RECHECK_MS (lib/auth/recheck.ts). Token requests count failures per key and
// address (credential-throttle.ts).
import { hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import type { Actor } from './actor';
import { authSecret } from '@/lib/env';
import { attemptFailed, attemptSucceeded, beginAttempt } from './credential-throttle';
import { noteApiClientUsed } from './last-used';
import { currentApiClient } from './recheck';
import { md5hex, spendVerificationTime } from './secrets';
import { verifyClientCredential } from './verified-credentials';

export const OAUTH_TOKEN_TTL_SECONDS = 300;
const ISSUER = 'member-care';
const AUDIENCE = 'member-care-api';

type OAuthActor = Extract<Actor, { type: 'OAUTH_CLIENT' }>;
interface State {
  key?: { secret: string; bytes: Uint8Array };
}
const g = globalThis as typeof globalThis & { __memberCareOAuth?: State };
const state: State = (g.__memberCareOAuth ??= {});

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

/** The client as it is now (active, same org and id): the token only says who it was. */
async function currentClient(claims: z.infer<typeof Claims>): Promise<OAuthActor | null> {
  const row = await currentApiClient('OAUTH_CLIENT', claims.sub);
  if (!row || row.id !== claims.cid || row.orgId !== claims.org) return null;
  noteApiClientUsed(row);
  return {
    type: 'OAUTH_CLIENT',
    orgId: row.orgId,
    clientId: row.id,
    code: row.key,
    access: row.access,
  };
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

/**
 * A token for an active OAuth client whose key and secret match; null otherwise. Throws
 * CredentialThrottledError when this key and address have used up their failures.
 */
export async function issueOAuthToken(
  key: string,
  secret: string,
  address: string,
): Promise<{ accessToken: string; ttlSeconds: number } | null> {
  const [attempt, client] = await Promise.all([
    beginAttempt('oauth', key, address),
    currentApiClient('OAUTH_CLIENT', key),
  ]);
  const md5 = md5hex(secret);
  // Hash even for an unknown key, so the answer takes as long either way.
  const ok = client ? await verifyClientCredential(client, md5) : await spendVerificationTime(md5);
  if (!client || !ok) {
    await attemptFailed(attempt);
    return null;
  }
  await attemptSucceeded(attempt);
  noteApiClientUsed(client);
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
