// The upgrade of stored API client secrets from HMAC-SHA256 to scrypt, without knowing the secrets:
// each old value is wrapped (scrypt over the HMAC, lib/auth/secrets.ts), so the client's credential
// keeps working and a leaked table is as slow to attack as a new one. Run after the migrations by
// `npm run db:migrate` and when the embedded database opens; a second run finds nothing to do.
import type { DbOrTx } from '@/db/client';
import { listLegacySecretHashes, replaceSecretHash } from '@/db/queries/api-clients';
import { wrapLegacySecretHash } from './secrets';

/** Wraps every bare HMAC secret hash; returns how many it upgraded. */
export async function upgradeSecretHashes(db: DbOrTx): Promise<number> {
  let upgraded = 0;
  for (const row of await listLegacySecretHashes(db)) {
    const to = await wrapLegacySecretHash(row.hash, row.salt);
    if (await replaceSecretHash(db, { orgId: row.orgId, id: row.id, from: row.hash, to })) upgraded++;
  }
  return upgraded;
}
