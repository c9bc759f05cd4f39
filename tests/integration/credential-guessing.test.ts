// Guessing credentials through the API (docs/api.md, "Guessing credentials"): ten failures for one
// key from one address, then that pair is refused with 517 and Retry-After, even with the right
// password, until its window passes; other addresses and other clients go on as before, and a
// success from one address does not clear another's count. The address comes from the header the
// server stamps from the socket (server.ts); these calls set it as the server would.
import { describe, expect, it } from 'vitest';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { POST as generateToken } from '@/app/v3/oauth/token/generate/route';
import { MAX_FAILURES } from '@/lib/auth/credential-throttle';
import { PEER_HEADER } from '@/lib/http/client-address';
import { basicAuth, BENCH_TILL, call, newCustomerBody } from './helpers';
import { createTestOrg } from './test-org';

interface Envelope {
  errors?: { code: number }[];
}

const register = (authorization: string, address: string) =>
  call<Envelope>(registerCustomer, { body: newCustomerBody(), headers: { authorization, [PEER_HEADER]: address } });

const token = (key: string, secret: string, address: string) =>
  call<Envelope>(generateToken, {
    path: '/v3/oauth/token/generate',
    body: { key, secret },
    headers: { [PEER_HEADER]: address },
  });

function expectThrottled(res: { status: number; body: Envelope; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.body.errors).toEqual([expect.objectContaining({ code: 517 })]);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
}

describe('Basic credentials', () => {
  it('twelve wrong passwords: the 11th and 12th are 429, the right password too; another address still works', async () => {
    const { code, auth } = await createTestOrg();
    const wrong = basicAuth(`${code}.till`, 'Wrong@123');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await register(wrong, '10.20.0.1')).status);
    expect(statuses).toEqual([...Array<number>(MAX_FAILURES).fill(401), 429, 429]);
    expectThrottled(await register(wrong, '10.20.0.1'));
    expectThrottled(await register(auth, '10.20.0.1'));

    expect((await register(auth, '10.20.0.2')).status).toBe(200);
    expect((await register(wrong, '10.20.0.2')).status).toBe(401);
    // Another till from the blocked address is not affected.
    expect((await register(BENCH_TILL, '10.20.0.1')).status).toBe(200);
  });

  it("a success from one address does not clear another address's failures", async () => {
    const { code, auth } = await createTestOrg();
    const wrong = basicAuth(`${code}.till`, 'Wrong@123');
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await register(wrong, '10.21.0.1')).status).toBe(401);
    expect((await register(auth, '10.21.0.2')).status).toBe(200);
    expect((await register(wrong, '10.21.0.1')).status).toBe(401); // the tenth
    expectThrottled(await register(auth, '10.21.0.1'));
  });

  it('an unknown till code counts too', async () => {
    const unknown = basicAuth('no-such.till', 'Guess@123');
    for (let i = 0; i < MAX_FAILURES; i++) expect((await register(unknown, '10.22.0.1')).status).toBe(401);
    expectThrottled(await register(unknown, '10.22.0.1'));
  });
});

describe('OAuth token requests', () => {
  it('twelve wrong secrets: the 11th and 12th are 429, the right secret too; another address still works', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await token('demo-key', `guess-${i}`, '10.30.0.1')).status);
    expect(statuses).toEqual([...Array<number>(MAX_FAILURES).fill(401), 429, 429]);
    const blocked = await token('demo-key', 'demo-secret', '10.30.0.1');
    expectThrottled(blocked);
    expect(blocked.body).toMatchObject({ data: null, warnings: [] });

    expect((await token('demo-key', 'demo-secret', '10.30.0.2')).status).toBe(200);
    expect((await token('demo-key', 'guess', '10.30.0.2')).status).toBe(401);
  });
});
