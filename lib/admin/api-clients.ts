// API client administration (GET/POST /v2/apiClients, PATCH /v2/apiClients/{id}, POST .../rotate).
// Secrets are generated, answered once and stored as scrypt of their MD5 hex (lib/auth/secrets.ts);
// nothing lists or logs them. A TILL client is its till: creating one links the org's till of that
// code (one added in Settings) or adds it. Revocation and rotation reach this process at once and
// every other within AUTH_RECHECK_MS (lib/auth/recheck.ts).
import type { Db, DbOrTx } from '@/db/client';
import { insertAdminLogEntry } from '@/db/queries/admin-log';
import {
  findTillByCode,
  getListedApiClient,
  insertApiClient,
  insertTillRow,
  listApiClients,
  lockApiClient,
  updateApiClient,
  type ListedApiClient,
} from '@/db/queries/api-clients';
import { forgetApiClient } from '@/lib/auth/recheck';
import { ApiError } from '@/lib/errors';
import { changesOf, parseOrThrow, refusingDuplicate, type AdminActor } from './common';
import { ApiClientCreateRequestSchema, ApiClientUpdateRequestSchema, RotateRequestSchema } from './schemas';
import { newClientSecret, storedClientSecret } from './secrets';
import { logActor } from './staff';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const shown = (c: ListedApiClient) => ({ ...c, createdAt: iso(c.createdAt)!, lastUsedAt: iso(c.lastUsedAt) });

export async function listClients(db: Db, orgId: number) {
  return { clients: (await listApiClients(db, orgId)).map(shown) };
}

const keyTaken = (key: string) => () => ApiError.of(9703, { key }, { field: 'key' });

/** The till a new TILL client is: the org's till of that code, or a new one. */
async function tillFor(tx: DbOrTx, orgId: number, code: string): Promise<number> {
  const existing = await findTillByCode(tx, orgId, code);
  if (existing) return existing.id;
  return refusingDuplicate('tills_code_key', keyTaken(code), () => insertTillRow(tx, orgId, code));
}

export async function createClient(db: Db, actor: AdminActor, body: unknown) {
  const input = parseOrThrow(ApiClientCreateRequestSchema, body);
  const secret = newClientSecret();
  const stored = await storedClientSecret(secret);
  const id = await refusingDuplicate('api_clients_key_key', keyTaken(input.key), () =>
    db.transaction(async (tx) => {
      const tillId = input.kind === 'TILL' ? await tillFor(tx, actor.orgId, input.key) : null;
      const id = await insertApiClient(tx, {
        orgId: actor.orgId,
        kind: input.kind,
        key: input.key,
        tillId,
        access: input.access,
        ...stored,
      });
      await insertAdminLogEntry(tx, actor.orgId, {
        ...logActor(actor),
        action: 'apiClient.create',
        target: `apiClient:${id}`,
        changes: changesOf({}, { kind: input.kind, key: input.key, access: input.access, active: true }),
      });
      return id;
    }),
  );
  return { id, key: input.key, secret };
}

export async function updateClient(db: Db, actor: AdminActor, id: number, body: unknown) {
  const patch = parseOrThrow(ApiClientUpdateRequestSchema, body);
  const current = await db.transaction(async (tx) => {
    const current = await lockApiClient(tx, actor.orgId, id);
    if (!current) throw ApiError.of(404);
    const changes = changesOf({ access: current.access, active: current.active }, patch);
    if (changes.length > 0) {
      await updateApiClient(tx, actor.orgId, id, patch);
      const action = patch.active === false && current.active ? 'apiClient.revoke' : 'apiClient.update';
      await insertAdminLogEntry(tx, actor.orgId, { ...logActor(actor), action, target: `apiClient:${id}`, changes });
    }
    return current;
  });
  forgetApiClient(current.kind, current.key);
  return shown((await getListedApiClient(db, actor.orgId, id))!);
}

/** A new secret; the old one keeps working `overlapSeconds` more (0: not at all), then fails. */
export async function rotateClientSecret(db: Db, actor: AdminActor, id: number, body: unknown) {
  const { overlapSeconds } = parseOrThrow(RotateRequestSchema, body);
  const secret = newClientSecret();
  const stored = await storedClientSecret(secret);
  const current = await db.transaction(async (tx) => {
    const current = await lockApiClient(tx, actor.orgId, id);
    if (!current) throw ApiError.of(404);
    const overlapEnds = overlapSeconds > 0 ? new Date(Date.now() + overlapSeconds * 1000) : null;
    await updateApiClient(tx, actor.orgId, id, {
      ...stored,
      previousSecretSalt: overlapEnds ? current.secretSalt : null,
      previousSecretHash: overlapEnds ? current.secretHash : null,
      previousSecretExpiresAt: overlapEnds,
    });
    await insertAdminLogEntry(tx, actor.orgId, {
      ...logActor(actor),
      action: 'apiClient.rotate',
      target: `apiClient:${id}`,
      // That the secret changed and how long the old one lasts, never either secret.
      changes: [
        { path: 'previousSecretExpiresAt', before: iso(current.previousSecretExpiresAt), after: iso(overlapEnds) },
      ],
    });
    return current;
  });
  forgetApiClient(current.kind, current.key);
  return { secret };
}
