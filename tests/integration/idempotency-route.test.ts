// Idempotency-Key on POST /v2/customers (docs/api.md#idempotency), end to end: replays, 422, simultaneous
// duplicates, counted as customers in the database.
import { randomUUID } from 'node:crypto';
import { and, countDistinct, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/v2/customers/route';
import { getDb } from '@/db/client';
import { identifiers } from '@/db/schema';
import { call, DEMO_TILL, newCustomerBody, uniqueMobile } from './helpers';

type Answer = { createdId: number | null; warnings: unknown[]; errors?: { code: number; message: string }[] };

const register = (body: unknown, key?: string) =>
  call<Answer>(POST, {
    body,
    headers: { authorization: DEMO_TILL, ...(key === undefined ? {} : { 'idempotency-key': key }) },
  });

/** How many customers hold this mobile (in any source account). */
async function customersWithMobile(mobile: string): Promise<number> {
  const [row] = await (
    await getDb()
  )
    .select({ n: countDistinct(identifiers.customerId) })
    .from(identifiers)
    .where(and(eq(identifiers.type, 'mobile'), eq(identifiers.value, mobile)));
  return row?.n ?? 0;
}

describe('POST /v2/customers with Idempotency-Key', () => {
  it('replays the first answer to a retry, which registers nothing more', async () => {
    const mobile = uniqueMobile();
    const key = randomUUID();
    const first = await register(newCustomerBody(mobile), key);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const retry = await register(newCustomerBody(mobile), key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await customersWithMobile(mobile)).toBe(1);

    // Without the key the same retry is a second registration attempt: 8006.
    const unkeyed = await register(newCustomerBody(mobile));
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.body.errors?.map((e) => e.code)).toEqual([8006]);
  });

  it('answers 422 when the key comes back with another body, and registers nothing', async () => {
    const key = randomUUID();
    expect((await register(newCustomerBody(), key)).status).toBe(200);
    const otherMobile = uniqueMobile();
    const reused = await register(newCustomerBody(otherMobile), key);
    expect(reused.status).toBe(422);
    expect(reused.body).toEqual({
      createdId: null,
      warnings: [],
      errors: [{ status: false, code: 422, message: 'Idempotency-Key reused with a different body' }],
    });
    expect(await customersWithMobile(otherMobile)).toBe(0);
  });

  it('serves 10 simultaneous duplicates with one registration and one answer', async () => {
    const mobile = uniqueMobile();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => register(newCustomerBody(mobile), key)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((a) => a.body.createdId)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await customersWithMobile(mobile)).toBe(1);
  });

  it('replays a refusal too', async () => {
    const key = randomUUID();
    const invalid = { profiles: [{ source: 'NOWHERE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] };
    const first = await register(invalid, key);
    expect(first.status).toBe(400);
    expect(first.body.errors?.map((e) => e.code)).toEqual([3217]);
    const retry = await register(invalid, key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
  });

  it('answers 400 in the create envelope for a key over 255 characters', async () => {
    const mobile = uniqueMobile();
    const res = await register(newCustomerBody(mobile), 'k'.repeat(256));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      createdId: null,
      warnings: [],
      errors: [{ status: false, code: 400, message: 'Idempotency-Key: must be 1 to 255 characters' }],
    });
    expect(await customersWithMobile(mobile)).toBe(0);
  });
});
