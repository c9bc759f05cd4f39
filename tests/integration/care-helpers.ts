// Calls of the routes after registration (update, change identifier, history, search), for the tests.
import { expect } from 'vitest';
import { GET as GET_CUSTOMER, PUT } from '@/app/v2/customers/[id]/route';
import { POST as CHANGE_IDENTIFIER } from '@/app/v2/customers/[id]/changeIdentifier/route';
import { GET as GET_HISTORY } from '@/app/v2/customers/[id]/history/route';
import { POST as REGISTER } from '@/app/v2/customers/route';
import { GET as SEARCH } from '@/app/v2/customers/search/route';
import type { CustomerView } from '@/lib/customers/views';
import type { CustomerSearchResponse, HistoryResponse } from '@/lib/api/schemas';
import { call, DEMO_TILL, type CallResult } from './helpers';

export type Failure = {
  warnings: unknown[];
  errors: { status: boolean; code: number; message: string; field?: string }[];
};
export type WriteSuccess = { id: number; version: number; warnings: { code: number; message: string }[] };

export async function register(body: Record<string, unknown>, authorization = DEMO_TILL): Promise<number> {
  const res = await call<{ createdId: number }>(REGISTER, { body, headers: { authorization } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.createdId;
}

export function getCustomer(id: number | string, authorization = DEMO_TILL, query = '') {
  return call<CustomerView>(GET_CUSTOMER, {
    method: 'GET',
    path: `/v2/customers/${id}${query}`,
    params: { id: String(id) },
    headers: { authorization },
  });
}

export function putCustomer<T = WriteSuccess>(
  id: number | string,
  body: unknown,
  opts: { authorization?: string; query?: string; headers?: Record<string, string> } = {},
): Promise<CallResult<T>> {
  return call<T>(PUT, {
    method: 'PUT',
    path: `/v2/customers/${id}${opts.query ?? ''}`,
    params: { id: String(id) },
    body,
    headers: { authorization: opts.authorization ?? DEMO_TILL, ...opts.headers },
  });
}

export function changeIdentifier<T = WriteSuccess>(
  id: number | string,
  body: unknown,
  opts: { authorization?: string; query?: string; headers?: Record<string, string> } = {},
): Promise<CallResult<T>> {
  return call<T>(CHANGE_IDENTIFIER, {
    method: 'POST',
    path: `/v2/customers/${id}/changeIdentifier${opts.query ?? ''}`,
    params: { id: String(id) },
    body,
    headers: { authorization: opts.authorization ?? DEMO_TILL, ...opts.headers },
  });
}

export function getHistory<T = HistoryResponse>(id: number | string, authorization = DEMO_TILL, query = '') {
  return call<T>(GET_HISTORY, {
    method: 'GET',
    path: `/v2/customers/${id}/history${query}`,
    params: { id: String(id) },
    headers: { authorization },
  });
}

/** The codes of a failure, in order. */
export function codesOf(res: CallResult<unknown>): number[] {
  return (res.body as Failure).errors.map((e) => e.code);
}

export function search<T = CustomerSearchResponse>(query: Record<string, string>, authorization = DEMO_TILL) {
  return call<T>(SEARCH, {
    method: 'GET',
    path: `/v2/customers/search?${new URLSearchParams(query)}`,
    headers: { authorization },
  });
}
