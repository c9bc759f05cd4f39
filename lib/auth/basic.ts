// Basic authentication as Capillary clients send it: base64(tillCode + ":" + md5hex(password)).
// The till's row is rechecked (lib/auth/recheck.ts), the secret verified against its slow hash once
// and then remembered (verified-credentials.ts), and failures count per till and address
// (credential-throttle.ts): a pair past its failures is refused even with the right password.
import type { Actor } from './actor';
import { attemptFailed, attemptSucceeded, beginAttempt } from './credential-throttle';
import { noteApiClientUsed } from './last-used';
import { currentApiClient } from './recheck';
import { spendVerificationTime } from './secrets';
import { verifyClientCredential } from './verified-credentials';

export function parseBasic(header: string): { user: string; md5: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { user: decoded.slice(0, colon), md5: decoded.slice(colon + 1) };
}

/** The till the header names when its secret is right; null otherwise. Throws CredentialThrottledError. */
export async function authenticateBasic(header: string, address: string): Promise<Actor | null> {
  const creds = parseBasic(header);
  if (!creds) return null;
  const [attempt, client] = await Promise.all([
    beginAttempt('till', creds.user, address),
    currentApiClient('TILL', creds.user),
  ]);
  const ok = client ? await verifyClientCredential(client, creds.md5) : await spendVerificationTime(creds.md5);
  if (!client || !ok) {
    await attemptFailed(attempt);
    return null;
  }
  await attemptSucceeded(attempt);
  noteApiClientUsed(client);
  return {
    type: 'TILL',
    orgId: client.orgId,
    clientId: client.id,
    code: client.key,
    tillId: client.tillId,
    access: client.access,
  };
}
