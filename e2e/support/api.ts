// Talking to the API directly, as a till would: to set up customers quickly and across orgs.
import { createHash, randomInt } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';

export const TILLS = {
  demo: { code: 'demo.till', password: 'Demo@123' },
  other: { code: 'other.till', password: 'Other@123' },
} as const;

/** Basic credentials as Capillary clients send them: base64(till + ":" + md5hex(password)). */
export function basicAuth(till: { code: string; password: string }): string {
  const md5 = createHash('md5').update(till.password).digest('hex');
  return `Basic ${Buffer.from(`${till.code}:${md5}`).toString('base64')}`;
}

/**
 * A mobile number nobody has registered: 12 digits, random, so reruns never collide. The local part
 * starts with 6–9 as Indian mobiles do: a local number typed with a leading 0 is read as the trunk
 * prefix, so one starting with 0 would not survive being typed without its country code.
 */
export function uniqueMobile(): string {
  return `91${randomInt(6, 10)}${String(randomInt(0, 10 ** 9)).padStart(9, '0')}`;
}

export function uniqueEmail(name: string): string {
  return `${name}.${Date.now().toString(36)}${randomInt(0, 1e6).toString(36)}@example.com`;
}

export interface ApiCustomer {
  firstName: string;
  lastName: string;
  mobile: string;
  email?: string;
  source?: string;
}

/** Registers a customer through POST /v2/customers with a till's credentials; returns its id. */
export async function registerViaApi(
  request: APIRequestContext,
  till: keyof typeof TILLS,
  c: ApiCustomer,
): Promise<number> {
  const identifiers = [{ type: 'mobile', value: c.mobile }, ...(c.email ? [{ type: 'email', value: c.email }] : [])];
  const res = await request.post('/v2/customers', {
    headers: { authorization: basicAuth(TILLS[till]) },
    data: {
      profiles: [
        {
          firstName: c.firstName,
          lastName: c.lastName,
          identifiers,
          commChannels: [],
          fields: {},
          source: c.source ?? 'INSTORE',
        },
      ],
    },
  });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(200);
  expect(typeof body.createdId).toBe('number');
  return body.createdId as number;
}
