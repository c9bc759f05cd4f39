// Calls of /v2/requests and the merge preview, and an org with a maker and a checker, for the tests.
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiClients, registrationConfigs } from '@/db/schema';
import { GET as LIST, POST as CREATE } from '@/app/v2/requests/route';
import { GET as GET_ONE, PUT as DECIDE } from '@/app/v2/requests/[id]/route';
import { POST as UNMERGE } from '@/app/v2/requests/[id]/unmerge/route';
import { GET as PREVIEW } from '@/app/v2/customers/merge/preview/route';
import { hashClientSecret, md5hex, newSalt } from '@/lib/auth/secrets';
import { invalidateOrgConfig } from '@/lib/config/cache';
import type { RequestView } from '@/lib/requests/schemas';
import type { CustomerView } from '@/lib/customers/views';
import type { ApiAccess } from '@/lib/vocabulary';
import { basicAuth, call } from './helpers';
import { createTestOrg, type TestOrgOptions } from './test-org';

/** A throwaway org with two makers (customers:write) and two checkers (requests:approve). */
export async function requestsOrg(opts: TestOrgOptions = {}) {
  const org = await createTestOrg({ unique: ['email'], sources: ['INSTORE', 'WEBSITE'], ...opts });
  const maker2 = await addClient(org.orgId, `${org.code}.maker2`, ['customers:write']);
  const checker = await addClient(org.orgId, `${org.code}.checker`, ['customers:write', 'requests:approve']);
  const checker2 = await addClient(org.orgId, `${org.code}.checker2`, ['customers:write', 'requests:approve']);
  const reader = await addClient(org.orgId, `${org.code}.reader`, ['customers:read']);
  return { ...org, maker: org.auth, maker2, checker, checker2, reader };
}

async function addClient(orgId: number, key: string, access: ApiAccess[]): Promise<string> {
  const salt = newSalt();
  await (await getDb()).insert(apiClients).values({
    orgId,
    kind: 'TILL',
    key,
    secretSalt: salt,
    secretHash: await hashClientSecret(md5hex('Test@123'), salt),
    access,
  });
  return basicAuth(key, 'Test@123');
}

export async function setRequestSettings(
  orgId: number,
  s: { merge?: boolean; del?: boolean; days?: number },
): Promise<void> {
  await (
    await getDb()
  )
    .update(registrationConfigs)
    .set({
      ...(s.merge !== undefined && { autoApproveMerge: s.merge }),
      ...(s.del !== undefined && { autoApproveDelete: s.del }),
      ...(s.days !== undefined && { piiDeleteAfterDays: s.days }),
    })
    .where(eq(registrationConfigs.orgId, orgId));
  invalidateOrgConfig(orgId);
}

export type Created = { createdId: number; status: string; warnings: unknown[] };
export type Failure = { errors: { code: number; message: string; field?: string }[]; warnings: unknown[] };

export function createRequest<T = Created>(authorization: string, body: unknown, query = '') {
  return call<T>(CREATE, { path: `/v2/requests${query}`, body, headers: { authorization } });
}

export function mergeBody(victimId: number, survivorId: number, comments?: string) {
  return { type: 'CHANGE_IDENTIFIER', baseType: 'MERGE', victimId, survivorId, ...(comments && { comments }) };
}

export function decide<T = RequestView>(authorization: string, id: number, status: string, comments?: string) {
  return call<T>(DECIDE, {
    method: 'PUT',
    path: `/v2/requests/${id}`,
    params: { id: String(id) },
    body: { status, ...(comments && { comments }) },
    headers: { authorization },
  });
}

export function getRequest<T = RequestView>(authorization: string, id: number | string) {
  return call<T>(GET_ONE, {
    method: 'GET',
    path: `/v2/requests/${id}`,
    params: { id: String(id) },
    headers: { authorization },
  });
}

export function listRequests<T = { requests: RequestView[] }>(authorization: string, query = '') {
  return call<T>(LIST, { method: 'GET', path: `/v2/requests${query}`, headers: { authorization } });
}

export function unmerge<T = RequestView>(authorization: string, id: number) {
  return call<T>(UNMERGE, {
    path: `/v2/requests/${id}/unmerge`,
    params: { id: String(id) },
    headers: { authorization },
  });
}

export function preview<T = { customer: CustomerView | null; blockers: { code: number }[] }>(
  authorization: string,
  victimId: number | string,
  survivorId: number | string,
) {
  return call<T>(PREVIEW, {
    method: 'GET',
    path: `/v2/customers/merge/preview?victimId=${victimId}&survivorId=${survivorId}`,
    headers: { authorization },
  });
}

export const uniqueTag = () => String(randomInt(1e9, 1e10 - 1));
