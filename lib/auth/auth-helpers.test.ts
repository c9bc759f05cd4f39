import { describe, expect, it } from 'vitest';
import { HOME_PATH, loginUrlFor, safeCallbackUrl } from './callback-url';
import { isSameOriginOrSafe } from './origin';
import { parseCookieHeader, sessionTokenOf, staffClaimsOf } from './session-token';

const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

describe('isSameOriginOrSafe', () => {
  it.each([
    ['GET from anywhere', req('GET', { origin: 'https://evil.example', host: 'app.example' }), true],
    ['POST without Origin (same-origin fetch from older browsers, curl)', req('POST', { host: 'app.example' }), true],
    ['POST from our own origin', req('POST', { origin: 'http://app.example:3000', host: 'app.example:3000' }), true],
    [
      'POST behind a proxy naming the public host',
      req('POST', { origin: 'https://crm.example', host: '10.0.0.5:3000', 'x-forwarded-host': 'crm.example' }),
      true,
    ],
    ['POST from another site', req('POST', { origin: 'https://evil.example', host: 'app.example' }), false],
    ['POST with a null Origin (sandboxed frame)', req('POST', { origin: 'null', host: 'app.example' }), false],
    ['POST the browser marks cross-site', req('POST', { host: 'app.example', 'sec-fetch-site': 'cross-site' }), false],
  ])('%s', (_, request, expected) => {
    expect(isSameOriginOrSafe(request)).toBe(expected);
  });
});

describe('session cookie', () => {
  it('reads the secure cookie first, then the plain one', () => {
    const jar = parseCookieHeader('next-auth.session-token=plain; __Secure-next-auth.session-token=secure');
    expect(sessionTokenOf((n) => jar.get(n))).toBe('secure');
    const plain = parseCookieHeader('a=1; next-auth.session-token=plain');
    expect(sessionTokenOf((n) => plain.get(n))).toBe('plain');
  });

  it('joins a token next-auth split into chunks', () => {
    const jar = parseCookieHeader('next-auth.session-token.1=def; next-auth.session-token.0=abc');
    expect(sessionTokenOf((n) => jar.get(n))).toBe('abcdef');
  });

  it('finds nothing without a session cookie', () => {
    expect(sessionTokenOf((n) => parseCookieHeader(null).get(n))).toBeNull();
  });

  it('accepts only tokens carrying our claims', () => {
    const claims = { userId: 2, orgId: 1, role: 'staff', name: 'Demo Staff', email: 'staff@demo.example' };
    expect(staffClaimsOf({ ...claims, exp: 1 })).toEqual(claims);
    expect(staffClaimsOf({ ...claims, role: 'root' })).toBeNull();
    expect(staffClaimsOf({ sub: '2' })).toBeNull();
  });
});

describe('safeCallbackUrl', () => {
  it.each([
    ['/member-care/ui/customer/100000001', '/member-care/ui/customer/100000001'],
    ['/member-care/ui?q=98765', '/member-care/ui?q=98765'],
    ['https://evil.example/', HOME_PATH],
    ['//evil.example/', HOME_PATH],
    ['/\\evil.example', HOME_PATH],
    ['', HOME_PATH],
    [null, HOME_PATH],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it('builds the login URL with the way back', () => {
    expect(loginUrlFor('/member-care/ui/register')).toBe('/login?callbackUrl=%2Fmember-care%2Fui%2Fregister');
  });
});
