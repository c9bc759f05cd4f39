// Logs (docs/api.md, "Logs"): registrations, failures of every kind (validation, 8006, 401 on Basic
// and OAuth, throttled and failed sign-ins, a 500 from the database whose driver error quotes the
// statement's values), all logged at the most verbose level into one capture: no customer email,
// mobile, name or identifier value, and no credential, appears in any line.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as lookupCustomer } from '@/app/v2/customers/lookup/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { POST as generateToken } from '@/app/v3/oauth/token/generate/route';
import { getDb } from '@/db/client';
import { authOptions } from '@/lib/auth/next-auth';
import { md5hex } from '@/lib/auth/secrets';
import { PEER_HEADER } from '@/lib/http/client-address';
import { log } from '@/lib/log';
import { basicAuth, call, uniqueEmail, uniqueMobile } from './helpers';
import { createTestOrg } from './test-org';

/** Every line the app's logger writes, with its own configuration (redaction included), and console output. */
const captured: string[] = [];
beforeAll(() => {
  const target = log as unknown as Record<symbol, unknown>;
  target[pino.symbols.streamSym] = { write: (line: string) => captured.push(line) };
  log.level = 'trace';
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    });
});
afterAll(() => vi.restoreAllMocks());

/** What a customer or a caller would not want in a log, all of it used below. */
const secrets: string[] = [];
const used = <T extends string>(value: T): T => {
  secrets.push(value);
  return value;
};

function profile(first: string, last: string, mobile: string, email: string) {
  return {
    profiles: [
      {
        firstName: first,
        lastName: last,
        source: 'INSTORE',
        identifiers: [
          { type: 'mobile', value: mobile },
          { type: 'email', value: email },
        ],
      },
    ],
  };
}

describe('log lines', () => {
  it('carry no customer data and no credential, whatever happened', async () => {
    const { orgId, code, auth } = await createTestOrg();
    used('Test@123');
    used(md5hex('Test@123'));
    used(auth.slice('Basic '.length));
    const address = { [PEER_HEADER]: '10.77.0.1' };

    // A registration, and the same again (8006).
    const mobile = used(uniqueMobile());
    const email = used(uniqueEmail());
    const body = profile(used('Zephyrine'), used('Quillfeather'), mobile, email);
    const ok = await call(registerCustomer, { body, headers: { authorization: auth, ...address } });
    expect(ok.status).toBe(200);
    const dup = await call<{ errors: { code: number }[] }>(registerCustomer, {
      body,
      headers: { authorization: auth, ...address },
    });
    expect(dup.body.errors[0]?.code).toBe(8006);

    // Validation failures naming values.
    const badEmail = used(`not-an-email-${randomUUID()}`);
    const invalid = await call(registerCustomer, {
      body: profile(used('Bartholomew'), used('Ravensworth'), used(`44x${randomUUID().slice(0, 8)}`), badEmail),
      headers: { authorization: auth, ...address },
    });
    expect(invalid.status).toBe(400);

    // A look-up by identifier value.
    const lookup = await call(lookupCustomer, {
      method: 'GET',
      path: `/v2/customers/lookup?identifierName=email&identifierValue=${encodeURIComponent(email)}`,
      headers: { authorization: auth, ...address },
    });
    expect(lookup.status).toBe(200);

    // Wrong Basic password, wrong and right OAuth secrets.
    const wrongPassword = used('Wr0ng-Passw0rd!');
    const wrongBasic = basicAuth(`${code}.till`, wrongPassword);
    used(md5hex(wrongPassword));
    used(wrongBasic.slice('Basic '.length));
    const refused = await call(registerCustomer, {
      body: newProfile(),
      headers: { authorization: wrongBasic, ...address },
    });
    expect(refused.status).toBe(401);
    const tokenRequest = (secret: string) =>
      call<{ data: { accessToken: string } | null }>(generateToken, {
        path: '/v3/oauth/token/generate',
        body: { key: 'demo-key', secret },
        headers: address,
      });
    expect((await tokenRequest(used('not-the-demo-secret'))).status).toBe(401);
    const granted = await tokenRequest(used('demo-secret'));
    expect(granted.status).toBe(200);
    used(granted.body.data?.accessToken ?? 'no token');

    // Staff sign-in: wrong password, then right, as next-auth calls it.
    const provider = authOptions().providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, r: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const staffEmail = used('staff@demo.example');
    await expect(
      provider.options.authorize({ email: staffEmail, password: used('Guess@12345') }, { headers: address }),
    ).resolves.toBeNull();
    await expect(
      provider.options.authorize({ email: staffEmail, password: used('Staff@12345') }, { headers: address }),
    ).resolves.toMatchObject({ email: staffEmail });

    // A 500: the database refuses this org's customers; its error quotes the statement's values.
    const db = await getDb();
    await db.execute(
      sql.raw(`alter table customers add constraint log_hygiene_${orgId} check (org_id <> ${orgId}) not valid`),
    );
    try {
      const failed = await call(registerCustomer, {
        body: profile(used('Ottoline'), used('Wrenfield'), used(uniqueMobile()), used(uniqueEmail())),
        headers: { authorization: auth, ...address },
      });
      expect(failed.status).toBe(500);
    } finally {
      await db.execute(sql.raw(`alter table customers drop constraint log_hygiene_${orgId}`));
    }

    // The capture works: the 500 was logged, with its request id and the database's code only.
    const output = captured.join('\n');
    expect(output).toContain('unhandled error');
    expect(output).toContain('23514');

    for (const secret of secrets) {
      expect(output.toLowerCase(), `a log line holds ${JSON.stringify(secret.slice(0, 3))}…`).not.toContain(
        secret.toLowerCase(),
      );
    }
    // Mobiles also in the form a normaliser may produce (with a plus).
    for (const secret of secrets.filter((s) => /^\d{6,}$/.test(s))) expect(output).not.toContain(`+${secret}`);
  });
});

function newProfile() {
  return profile('Anon', 'Ymous', uniqueMobile(), uniqueEmail());
}
