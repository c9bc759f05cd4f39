// The access matrix (tests/access-matrix.ts, printed in docs/api.md): every API route and the
// settings server action, called as every kind of caller, answers the status of its cell. Pages
// are checked through the running server (e2e/access-matrix.spec.ts). Sessions are minted as
// next-auth mints them; the deactivated staff member's was minted while they were active.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as getCustomer, PUT as updateCustomer } from '@/app/v2/customers/[id]/route';
import { POST as changeIdentifier } from '@/app/v2/customers/[id]/changeIdentifier/route';
import { GET as customerHistory } from '@/app/v2/customers/[id]/history/route';
import { GET as lookupCustomer } from '@/app/v2/customers/lookup/route';
import { GET as searchCustomers } from '@/app/v2/customers/search/route';
import { POST as registerCustomer } from '@/app/v2/customers/route';
import { POST as registerBulk } from '@/app/v2/customers/bulk/route';
import { GET as listImports, POST as uploadImport } from '@/app/v2/imports/route';
import { GET as getImport } from '@/app/v2/imports/[id]/route';
import { GET as extendedFields } from '@/app/v2/extendedFields/route';
import { GET as openapi } from '@/app/v2/openapi.json/route';
import { GET as listApiClients, POST as createApiClient } from '@/app/v2/apiClients/route';
import { PATCH as updateApiClient } from '@/app/v2/apiClients/[id]/route';
import { POST as rotateApiClient } from '@/app/v2/apiClients/[id]/rotate/route';
import { GET as auditLog } from '@/app/v2/audit/route';
import { GET as listStaff, POST as createStaff } from '@/app/v2/staff/route';
import { PATCH as updateStaff } from '@/app/v2/staff/[id]/route';
import { POST as resetPassword } from '@/app/v2/staff/[id]/resetPassword/route';
import { POST as generateToken } from '@/app/v3/oauth/token/generate/route';
import { GET as listWebhooks, POST as createWebhook } from '@/app/v3/webHooks/route';
import { GET as listRequests, POST as createRequest } from '@/app/v2/requests/route';
import { GET as getRequest, PUT as decideRequest } from '@/app/v2/requests/[id]/route';
import { POST as unmergeRequest } from '@/app/v2/requests/[id]/unmerge/route';
import { GET as mergePreview } from '@/app/v2/customers/merge/preview/route';
import { GET as customerExport } from '@/app/v2/customers/[id]/export/route';
import { GET as webhookEvents } from '@/app/v3/webHooks/eventMetaData/route';
import { GET as webhookDeliveries } from '@/app/v3/webHooks/[id]/deliveries/route';
import { addWebhook } from './webhook-helpers';
import { getDb } from '@/db/client';
import { loadOrgConfig } from '@/lib/config/load';
import { apiClients, orgs, staffUsers } from '@/db/schema';
import { hashClientSecret, md5hex, newSalt } from '@/lib/auth/secrets';
import { toSettingsInput } from '@/lib/config/settings-input';
import { authSecret } from '@/lib/env';
import { PEER_HEADER } from '@/lib/http/client-address';
import { ACCESS_MATRIX, CALLER_KEYS, renderAccessMatrix, type Caller, type MatrixRow } from '../access-matrix';
import {
  basicAuth,
  call,
  callVia,
  DEMO_TILL,
  demoOAuthToken,
  OTHER_TILL,
  READONLY_TILL,
  uniqueMobile,
  type CallOptions,
  type Door,
} from './helpers';

// The server action reads its session cookie through next/headers: give it this test's cookie jar.
const jar = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'next-auth.session-token' && jar.cookie ? { name, value: jar.cookie } : undefined),
  }),
  headers: async () => new Headers(),
}));

type Headers_ = Record<string, string>;
const callers = {} as Record<Caller, { headers: Headers_; session: string | null; orgId: number | null }>;
let demoId = 0;
let demoWebhookId = 0;
let demoImportId = 0;
let demoRequestId = 0;
let demoMobile = '';
/** A staff member and an API client of the demo org that the admin rows may change. */
let targetStaffId = 0;
let targetClientId = 0;

async function sessionFor(email: string): Promise<{ token: string; orgId: number }> {
  const db = await getDb();
  const [u] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const token = await encode({
    token: { userId: u!.id, orgId: u!.orgId, role: u!.role, name: u!.name, email: u!.email },
    secret: authSecret(),
  });
  return { token, orgId: u!.orgId };
}

beforeAll(async () => {
  const db = await getDb();
  const orgId = async (code: string) => (await db.select().from(orgs).where(eq(orgs.code, code)))[0]!.id;
  const [demoOrg, otherOrg] = [await orgId('demo'), await orgId('other')];

  // The other org gets an OAuth client of its own for this test.
  const otherKey = `other-key-${randomUUID()}`;
  const salt = newSalt();
  await db.insert(apiClients).values({
    orgId: otherOrg,
    kind: 'OAUTH_CLIENT',
    key: otherKey,
    secretSalt: salt,
    secretHash: await hashClientSecret(md5hex('Other-secret'), salt),
    access: ['customers:write'],
  });
  const otherToken = await call<{ data: { accessToken: string } }>(generateToken, {
    path: '/v3/oauth/token/generate',
    body: { key: otherKey, secret: 'Other-secret' },
  });

  // A staff member whose session outlives their deactivation.
  const formerEmail = `former-${randomUUID()}@demo.example`;
  await db
    .insert(staffUsers)
    .values({ orgId: demoOrg, email: formerEmail, name: 'Former Staff', role: 'staff', passwordHash: 'x' });
  const former = await sessionFor(formerEmail);
  await db
    .update(staffUsers)
    .set({ active: false })
    .where(and(eq(staffUsers.email, formerEmail)));

  const cookie = (token: string) => ({ cookie: `next-auth.session-token=${token}` });
  const staff = await sessionFor('staff@demo.example');
  const admin = await sessionFor('admin@demo.example');
  const otherAdmin = await sessionFor('admin@other.example');
  const api = (headers: Headers_, org: number) => ({ headers, session: null, orgId: org });
  const web = (s: { token: string; orgId: number }) => ({ headers: cookie(s.token), session: s.token, orgId: s.orgId });
  Object.assign(callers, {
    none: { headers: {}, session: null, orgId: null },
    wrong: api({ authorization: basicAuth('demo.till', 'Wrong@123') }, demoOrg),
    till: api({ authorization: DEMO_TILL }, demoOrg),
    readonly: api({ authorization: READONLY_TILL }, demoOrg),
    otherTill: api({ authorization: OTHER_TILL }, otherOrg),
    token: api({ 'x-cap-api-oauth-token': await demoOAuthToken() }, demoOrg),
    otherToken: api({ 'x-cap-api-oauth-token': otherToken.body.data.accessToken }, otherOrg),
    staff: web(staff),
    admin: web(admin),
    otherAdmin: web(otherAdmin),
    deactivated: web(former),
    adminClient: api({ 'x-cap-api-oauth-token': await demoOAuthToken('demo-admin-key', 'demo-admin-secret') }, demoOrg),
  } satisfies Record<Caller, unknown>);

  targetStaffId = (
    await db
      .insert(staffUsers)
      .values({
        orgId: demoOrg,
        email: `target-${randomUUID()}@demo.example`,
        name: 'Target',
        role: 'staff',
        passwordHash: 'x',
      })
      .returning({ id: staffUsers.id })
  )[0]!.id;
  targetClientId = (
    await db
      .insert(apiClients)
      .values({
        orgId: demoOrg,
        kind: 'OAUTH_CLIENT',
        key: `target-${randomUUID()}`,
        secretSalt: salt,
        secretHash: 'x',
      })
      .returning({ id: apiClients.id })
  )[0]!.id;

  demoMobile = uniqueMobile();
  const created = await call<{ createdId: number }>(registerCustomer, {
    body: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: demoMobile }] }] },
    headers: { authorization: DEMO_TILL },
  });
  demoId = created.body.createdId;
  demoWebhookId = await addWebhook(demoOrg, { events: ['customerDeleted'] });
  const imported = await call<{ id: number }>(uploadImport, {
    path: '/v2/imports?dryRun=true',
    rawBody: `mobile\n${uniqueMobile()}\n`,
    headers: { authorization: DEMO_TILL, 'content-type': 'text/csv' },
  });
  demoImportId = imported.body.id;
  demoRequestId = await demoRequest();
});

/** Two new customers of the demo org, to merge (a victim from the website, a survivor from the store). */
async function demoPair(): Promise<[number, number]> {
  const one = (source: string) =>
    callVia('next', registerCustomer, {
      body: { profiles: [{ source, identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
      headers: { authorization: DEMO_TILL },
    }).then((r) => (r.body as { createdId: number }).createdId);
  return [await one('WEBSITE'), await one('INSTORE')];
}

/** A new merge request of the demo org made by its till: pending, or merged at once by the admin client. */
async function demoRequest({ merged = false } = {}): Promise<number> {
  const [victimId, survivorId] = await demoPair();
  const res = await callVia('next', createRequest, {
    path: `/v2/requests${merged ? '?client_auto_approve=true' : ''}`,
    body: mergeBody(victimId, survivorId),
    headers: merged ? callers.adminClient.headers : { authorization: DEMO_TILL },
  });
  return (res.body as { createdId: number }).createdId;
}

const mergeBody = (victimId: number, survivorId: number) => ({
  type: 'CHANGE_IDENTIFIER',
  baseType: 'MERGE',
  victimId,
  survivorId,
});

/** Calls one row's route as one caller, through one door; its status. */
async function statusOf(row: MatrixRow, caller: Caller, door: Door): Promise<number> {
  const call = (handler: Parameters<typeof callVia>[1], opts: CallOptions) => callVia(door, handler, opts);
  const { headers: h, orgId } = callers[caller];
  // Each caller, row and door from an address of its own (through the server, the request leaves from it):
  // the wrong password's failures stay below the throttle.
  const address = `10.${door === 'next' ? 98 : 99}.${ACCESS_MATRIX.indexOf(row)}.${CALLER_KEYS.indexOf(caller)}`;
  const headers = { ...h, [PEER_HEADER]: address };
  switch (row.route) {
    case 'POST /v2/customers':
      return (
        await call(registerCustomer, {
          body: { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] },
          headers,
        })
      ).status;
    case 'POST /v2/customers/bulk':
      return (
        await call(registerBulk, {
          path: '/v2/customers/bulk',
          body: [{ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: uniqueMobile() }] }] }],
          headers,
        })
      ).status;
    case 'POST /v2/imports':
      return (
        await call(uploadImport, {
          path: '/v2/imports?dryRun=true',
          rawBody: `mobile\n${uniqueMobile()}\n`,
          headers: { ...headers, 'content-type': 'text/csv' },
        })
      ).status;
    case 'GET /v2/imports':
      return (await call(listImports, { method: 'GET', path: '/v2/imports', headers })).status;
    case 'GET /v2/imports/{id}':
      return (
        await call(getImport, {
          method: 'GET',
          path: `/v2/imports/${demoImportId}`,
          params: { id: String(demoImportId) },
          headers,
        })
      ).status;
    case 'GET /v2/customers/{id}':
      return (
        await call(getCustomer, {
          method: 'GET',
          path: `/v2/customers/${demoId}`,
          params: { id: String(demoId) },
          headers,
        })
      ).status;
    case 'PUT /v2/customers/{id}':
      return (
        await call(updateCustomer, {
          method: 'PUT',
          path: `/v2/customers/${demoId}`,
          params: { id: String(demoId) },
          body: { profiles: [{ lastName: 'Trix' }] },
          headers,
        })
      ).status;
    case 'POST /v2/customers/{id}/changeIdentifier':
      return (
        await call(changeIdentifier, {
          path: `/v2/customers/${demoId}/changeIdentifier`,
          params: { id: String(demoId) },
          body: { add: [{ type: 'externalId', value: `M${uniqueMobile()}` }] },
          headers,
        })
      ).status;
    case 'GET /v2/customers/{id}/history':
      return (
        await call(customerHistory, {
          method: 'GET',
          path: `/v2/customers/${demoId}/history`,
          params: { id: String(demoId) },
          headers,
        })
      ).status;
    case 'GET /v2/customers/search?q=…':
      return (await call(searchCustomers, { method: 'GET', path: `/v2/customers/search?q=${demoMobile}`, headers }))
        .status;
    case 'GET /v2/customers/lookup?identifierName=mobile&identifierValue=…':
      return (
        await call(lookupCustomer, {
          method: 'GET',
          path: `/v2/customers/lookup?identifierName=mobile&identifierValue=${demoMobile}`,
          headers,
        })
      ).status;
    case 'GET /v2/extendedFields':
      return (await call(extendedFields, { method: 'GET', path: '/v2/extendedFields', headers })).status;
    case 'GET /v2/staff':
      return (await call(listStaff, { method: 'GET', path: '/v2/staff', headers })).status;
    case 'POST /v2/staff':
      return (
        await call(createStaff, {
          path: '/v2/staff',
          body: { email: `new-${randomUUID()}@demo.example`, name: 'New', role: 'staff' },
          headers,
        })
      ).status;
    case 'PATCH /v2/staff/{id}':
      return (
        await call(updateStaff, {
          method: 'PATCH',
          path: `/v2/staff/${targetStaffId}`,
          params: { id: String(targetStaffId) },
          body: { name: 'Target' },
          headers,
        })
      ).status;
    case 'POST /v2/staff/{id}/resetPassword':
      return (
        await call(resetPassword, {
          path: `/v2/staff/${targetStaffId}/resetPassword`,
          params: { id: String(targetStaffId) },
          headers,
        })
      ).status;
    case 'GET /v2/apiClients':
      return (await call(listApiClients, { method: 'GET', path: '/v2/apiClients', headers })).status;
    case 'POST /v2/apiClients':
      return (
        await call(createApiClient, {
          path: '/v2/apiClients',
          body: { kind: 'OAUTH_CLIENT', key: `new-${randomUUID()}`, access: ['customers:read'] },
          headers,
        })
      ).status;
    case 'PATCH /v2/apiClients/{id}':
      return (
        await call(updateApiClient, {
          method: 'PATCH',
          path: `/v2/apiClients/${targetClientId}`,
          params: { id: String(targetClientId) },
          body: { access: ['customers:read'] },
          headers,
        })
      ).status;
    case 'POST /v2/apiClients/{id}/rotate':
      return (
        await call(rotateApiClient, {
          path: `/v2/apiClients/${targetClientId}/rotate`,
          params: { id: String(targetClientId) },
          body: { overlapSeconds: 0 },
          headers,
        })
      ).status;
    case 'GET /v2/audit':
      return (await call(auditLog, { method: 'GET', path: '/v2/audit', headers })).status;
    case 'POST /v3/oauth/token/generate (demo key and secret)':
      return (
        await call(generateToken, {
          path: '/v3/oauth/token/generate',
          body: { key: 'demo-key', secret: 'demo-secret' },
          headers,
        })
      ).status;
    case 'GET /v3/webHooks':
      return (await call(listWebhooks, { method: 'GET', path: '/v3/webHooks', headers })).status;
    case 'POST /v3/webHooks':
      return (
        await call(createWebhook, {
          path: '/v3/webHooks',
          body: { name: 'matrix', eventNames: ['customerDeleted'], webHookUrl: 'https://hooks.example.com/x' },
          headers,
        })
      ).status;
    case 'GET /v3/webHooks/eventMetaData':
      return (await call(webhookEvents, { method: 'GET', path: '/v3/webHooks/eventMetaData', headers })).status;
    case 'GET /v3/webHooks/{id}/deliveries':
      return (
        await call(webhookDeliveries, {
          method: 'GET',
          path: `/v3/webHooks/${demoWebhookId}/deliveries`,
          params: { id: String(demoWebhookId) },
          headers,
        })
      ).status;
    case 'GET /v2/requests':
      return (await call(listRequests, { method: 'GET', path: '/v2/requests', headers })).status;
    case 'POST /v2/requests': {
      const [victimId, survivorId] = await demoPair();
      return (await call(createRequest, { path: '/v2/requests', body: mergeBody(victimId, survivorId), headers }))
        .status;
    }
    case 'GET /v2/requests/{id}':
      return (
        await call(getRequest, {
          method: 'GET',
          path: `/v2/requests/${demoRequestId}`,
          params: { id: String(demoRequestId) },
          headers,
        })
      ).status;
    case 'PUT /v2/requests/{id}': {
      const id = await demoRequest();
      return (
        await call(decideRequest, {
          method: 'PUT',
          path: `/v2/requests/${id}`,
          params: { id: String(id) },
          body: { status: 'REJECTED' },
          headers,
        })
      ).status;
    }
    case 'PUT /v2/requests/{id} (its maker cancels)': {
      // The caller's own pending request where it may make one in the demo org, else the demo till's.
      const [victimId, survivorId] = await demoPair();
      const own = await call(createRequest, { path: '/v2/requests', body: mergeBody(victimId, survivorId), headers });
      const id = own.status === 200 ? (own.body as { createdId: number }).createdId : await demoRequest();
      return (
        await call(decideRequest, {
          method: 'PUT',
          path: `/v2/requests/${id}`,
          params: { id: String(id) },
          body: { status: 'CANCELLED' },
          headers,
        })
      ).status;
    }
    case 'POST /v2/requests/{id}/unmerge': {
      const id = await demoRequest({ merged: true });
      return (await call(unmergeRequest, { path: `/v2/requests/${id}/unmerge`, params: { id: String(id) }, headers }))
        .status;
    }
    case 'GET /v2/customers/merge/preview?victimId=…&survivorId=…': {
      const [victimId, survivorId] = await demoPair();
      return (
        await call(mergePreview, {
          method: 'GET',
          path: `/v2/customers/merge/preview?victimId=${victimId}&survivorId=${survivorId}`,
          headers,
        })
      ).status;
    }
    case 'GET /v2/customers/{id}/export':
      return (
        await call(customerExport, {
          method: 'GET',
          path: `/v2/customers/${demoId}/export`,
          params: { id: String(demoId) },
          headers,
        })
      ).status;
    case 'GET /v2/openapi.json':
      return (await call(openapi, { method: 'GET', path: '/v2/openapi.json', headers })).status;
    case 'GET /api/health':
      return (await callVia('next', health as never, { method: 'GET', path: '/api/health', headers })).status;
    case 'action saveRegistrationSettings': {
      jar.cookie = callers[caller].session;
      const config = orgId ? await loadOrgConfig(await getDb(), orgId) : null;
      const input = config ? toSettingsInput(config) : {};
      const { saveRegistrationSettings } = await import('@/app/member-care/ui/settings/registration/actions');
      const result = await saveRegistrationSettings(input);
      jar.cookie = null;
      if (result.ok) return 200;
      return /only admins/i.test(result.message) ? 403 : /session has ended/i.test(result.message) ? 401 : 500;
    }
    default:
      throw new Error(`no call for ${row.route}: add one`);
  }
}

/**
 * Org "other" admits 100 requests a minute and the matrix calls each route as its three callers through
 * two doors, more than that in a minute: each row starts with an empty window (this process's count:
 * tests run without REDIS_URL). The limit itself is tests/integration/rate-limit.test.ts's to check.
 */
function freshRateWindow(): void {
  (globalThis as { __memberCareRateLimit?: { memory: Map<unknown, unknown> } }).__memberCareRateLimit?.memory.clear();
}

describe('access matrix', () => {
  it('every API route and the settings action answers every caller as the table says', async () => {
    const rows = ACCESS_MATRIX.filter((r) => r.surface !== 'page');
    const actual: Record<string, Record<Caller, number>> = {};
    for (const row of rows) {
      actual[row.route] = {} as Record<Caller, number>;
      freshRateWindow();
      for (const caller of CALLER_KEYS) actual[row.route]![caller] = await statusOf(row, caller, 'next');
    }
    expect(actual).toEqual(Object.fromEntries(rows.map((r) => [r.route, r.expected])));
  });

  it('the production server (server.ts) answers every /v2 and /v3 cell the same', async () => {
    const rows = ACCESS_MATRIX.filter((r) => r.surface === 'api' && /^\w+ \/v[23]\//.test(r.route));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const actual: Record<string, Record<Caller, number>> = {};
    for (const row of rows) {
      actual[row.route] = {} as Record<Caller, number>;
      freshRateWindow();
      for (const caller of CALLER_KEYS) actual[row.route]![caller] = await statusOf(row, caller, 'server');
    }
    expect(actual).toEqual(Object.fromEntries(rows.map((r) => [r.route, r.expected])));
  });

  it('is printed in docs/api.md as it is checked (run `npm run docs:api` when this fails)', () => {
    const markdown = readFileSync(path.join(process.cwd(), 'docs', 'api.md'), 'utf8');
    expect(markdown).toContain(renderAccessMatrix());
  });
});
