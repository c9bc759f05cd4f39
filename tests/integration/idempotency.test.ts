// Idempotency-Key (docs/api.md#idempotency), against the real idempotency_keys table: the run() of each test
// writes an audit_log row, so "writes nothing" is counted in the database.
import { createHash, randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findApiClientByKey } from '@/db/queries/api-clients';
import { auditLog, idempotencyKeys } from '@/db/schema';
import { actorKey, type Actor } from '@/lib/auth/actor';
import type { RouteResult } from '@/lib/api/handler';
import { canonicalJson, withIdempotency } from '@/lib/api/idempotency';
import { ApiError } from '@/lib/errors';

let demoTill: Actor;
let readonlyTill: Actor;

async function tillActor(code: string): Promise<Actor> {
  const row = await findApiClientByKey(await getDb(), 'TILL', code);
  if (!row) throw new Error(`seed: ${code} missing`);
  return {
    type: 'TILL',
    orgId: row.orgId,
    clientId: row.id,
    code: row.key,
    tillId: row.tillId,
    access: row.access,
  };
}

beforeAll(async () => {
  demoTill = await tillActor('demo.till');
  readonlyTill = await tillActor('readonly.till');
});

const requestWith = (key?: string) =>
  new Request('http://localhost/v2/customers', {
    method: 'POST',
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });

/** A stand-in registration: writes one audit row tagged `marker`, answers 200 with a new id. */
function registration(marker: string, opts: { before?: () => Promise<void> } = {}) {
  let runs = 0;
  const run = async (): Promise<RouteResult> => {
    runs++;
    await opts.before?.();
    const db = await getDb();
    const [row] = await db
      .insert(auditLog)
      .values({
        orgId: demoTill.orgId,
        action: 'idempotency-test',
        outcome: 'ok',
        requestId: marker,
        actorType: 'TILL',
        actorCode: 'demo.till',
      })
      .returning({ id: auditLog.id });
    return { status: 200, body: { createdId: row?.id, warnings: [], sideEffects: [] } };
  };
  return { run, runs: () => runs };
}

async function rowsWritten(marker: string): Promise<number> {
  const [row] = await (await getDb()).select({ n: count() }).from(auditLog).where(eq(auditLog.requestId, marker));
  return row?.n ?? 0;
}

async function storedKeys(key: string) {
  return (await getDb()).select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
}

const body = {
  profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: '919900000001' }] }],
  extendedFields: { gender: 'Male' },
};
// The same request with its keys in another order.
const sameBodyReordered = {
  extendedFields: { gender: 'Male' },
  profiles: [{ identifiers: [{ value: '919900000001', type: 'mobile' }], source: 'INSTORE' }],
};

describe('withIdempotency', () => {
  it('runs normally without the header', async () => {
    const marker = randomUUID();
    const r = registration(marker);
    await withIdempotency({ req: requestWith(), actor: demoTill, body }, r.run);
    await withIdempotency({ req: requestWith(), actor: demoTill, body }, r.run);
    expect(await rowsWritten(marker)).toBe(2);
  });

  it('replays the stored answer for the same key and body, with Idempotent-Replayed, writing nothing', async () => {
    const key = randomUUID();
    const marker = randomUUID();
    const r = registration(marker);
    const first = await withIdempotency({ req: requestWith(key), actor: demoTill, body }, r.run);
    const again = await withIdempotency({ req: requestWith(key), actor: demoTill, body: sameBodyReordered }, r.run);
    expect(first.headers?.['idempotent-replayed']).toBeUndefined();
    expect(again).toEqual({ status: 200, body: first.body, headers: { 'idempotent-replayed': 'true' } });
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body)); // byte for byte, keys in order
    expect(await rowsWritten(marker)).toBe(1);
    expect(await storedKeys(key)).toMatchObject([{ responseStatus: 200 }]);
  });

  it('answers 422 for the same key with a different body', async () => {
    const key = randomUUID();
    const marker = randomUUID();
    const r = registration(marker);
    await withIdempotency({ req: requestWith(key), actor: demoTill, body }, r.run);
    const other = { ...body, extendedFields: { gender: 'Female' } };
    await expect(withIdempotency({ req: requestWith(key), actor: demoTill, body: other }, r.run)).rejects.toMatchObject(
      { http: 422, items: [{ code: 422, message: 'Idempotency-Key reused with a different body' }] },
    );
    expect(await rowsWritten(marker)).toBe(1);
  });

  it('runs simultaneous duplicates once: the others wait and get the same answer', async () => {
    const key = randomUUID();
    const marker = randomUUID();
    const r = registration(marker, { before: () => new Promise((resolve) => setTimeout(resolve, 300)) });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => withIdempotency({ req: requestWith(key), actor: demoTill, body }, r.run)),
    );
    expect(r.runs()).toBe(1);
    expect(await rowsWritten(marker)).toBe(1);
    expect(new Set(results.map((x) => JSON.stringify(x.body))).size).toBe(1);
    expect(results.filter((x) => x.headers?.['idempotent-replayed'] === 'true')).toHaveLength(7);
    expect(await storedKeys(key)).toHaveLength(1);
  });

  it('answers 409 when the first request is still running after the wait', async () => {
    const key = randomUUID();
    let finish = () => {};
    let running = () => {};
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    const first = withIdempotency(
      { req: requestWith(key), actor: demoTill, body },
      registration(randomUUID(), {
        before: () =>
          new Promise<void>((resolve) => {
            finish = resolve;
            running();
          }),
      }).run,
    );
    await started; // the first request holds the key
    await expect(
      withIdempotency({ req: requestWith(key), actor: demoTill, body }, registration(randomUUID()).run),
    ).rejects.toMatchObject({ http: 409, items: [{ code: 409 }] });
    finish();
    expect((await first).status).toBe(200);
  });

  it('releases the key when the request fails, so a retry runs', async () => {
    const key = randomUUID();
    const marker = randomUUID();
    const failing = async (): Promise<RouteResult> => {
      throw new Error('database went away');
    };
    await expect(withIdempotency({ req: requestWith(key), actor: demoTill, body }, failing)).rejects.toThrow(
      'database went away',
    );
    expect(await storedKeys(key)).toEqual([]);
    const retry = await withIdempotency({ req: requestWith(key), actor: demoTill, body }, registration(marker).run);
    expect(retry.status).toBe(200);
    expect(await rowsWritten(marker)).toBe(1);
  });

  it('stores a refusal and replays it in the create envelope', async () => {
    const key = randomUUID();
    let runs = 0;
    const refusing = async (): Promise<RouteResult> => {
      runs++;
      throw ApiError.of(8006, { id: 42 });
    };
    await expect(withIdempotency({ req: requestWith(key), actor: demoTill, body }, refusing)).rejects.toMatchObject({
      http: 409,
    });
    const replay = await withIdempotency({ req: requestWith(key), actor: demoTill, body }, refusing);
    expect(runs).toBe(1);
    expect(replay).toEqual({
      status: 409,
      body: {
        createdId: null,
        warnings: [],
        errors: [{ status: false, code: 8006, message: 'Customer already exists with id 42 for same source' }],
      },
      headers: { 'idempotent-replayed': 'true' },
    });
  });

  it.each([
    ['empty', ''],
    ['256 characters long', 'k'.repeat(256)],
  ])('answers 400 for a key that is %s', async (_, key) => {
    const r = registration(randomUUID());
    await expect(withIdempotency({ req: requestWith(key), actor: demoTill, body }, r.run)).rejects.toMatchObject({
      http: 400,
      items: [{ code: 400, message: 'Idempotency-Key: must be 1 to 255 characters' }],
    });
    expect(r.runs()).toBe(0);
  });

  it('accepts a key of 255 characters', async () => {
    const key = `${randomUUID()}${'k'.repeat(219)}`;
    expect(key).toHaveLength(255);
    expect(
      (await withIdempotency({ req: requestWith(key), actor: demoTill, body }, registration(randomUUID()).run)).status,
    ).toBe(200);
  });

  it('scopes keys to the calling client', async () => {
    const key = randomUUID();
    const marker = randomUUID();
    const r = registration(marker);
    await withIdempotency({ req: requestWith(key), actor: demoTill, body }, r.run);
    const other = await withIdempotency({ req: requestWith(key), actor: readonlyTill, body }, r.run);
    expect(other.headers?.['idempotent-replayed']).toBeUndefined();
    expect(await rowsWritten(marker)).toBe(2);
  });

  it('treats a key older than 24 hours as new', async () => {
    const key = randomUUID();
    const marker = randomUUID();
    const r = registration(marker);
    await withIdempotency({ req: requestWith(key), actor: demoTill, body }, r.run);
    const db = await getDb();
    await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(and(eq(idempotencyKeys.orgId, demoTill.orgId), eq(idempotencyKeys.key, key)));
    const other = { ...body, extendedFields: { gender: 'Female' } };
    const fresh = await withIdempotency({ req: requestWith(key), actor: demoTill, body: other }, r.run);
    expect(fresh.status).toBe(200);
    expect(fresh.headers?.['idempotent-replayed']).toBeUndefined();
    expect(await rowsWritten(marker)).toBe(2);
    expect(await storedKeys(key)).toHaveLength(1);
  });

  it('takes over a claim abandoned without an answer (its request could not release it), but not a fresh one', async () => {
    const key = randomUUID();
    const marker = randomUUID();
    const db = await getDb();
    const scope = { orgId: demoTill.orgId, clientKey: actorKey(demoTill), key };
    // What a request cut off by a database outage leaves: a claim, no answer.
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    await db.insert(idempotencyKeys).values({ ...scope, requestHash });
    await expect(
      withIdempotency({ req: requestWith(key), actor: demoTill, body }, registration(marker).run),
    ).rejects.toMatchObject({ http: 409 });
    await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '3 minutes'` })
      .where(and(eq(idempotencyKeys.orgId, demoTill.orgId), eq(idempotencyKeys.key, key)));
    const retry = await withIdempotency({ req: requestWith(key), actor: demoTill, body }, registration(marker).run);
    expect(retry.status).toBe(200);
    expect(await rowsWritten(marker)).toBe(1);
  });
});
