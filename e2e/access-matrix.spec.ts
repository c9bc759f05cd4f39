// The pages of the access matrix (tests/access-matrix.ts, printed in docs/api.md), through the
// running server: each page requested as every kind of caller, without following redirects,
// answers the status of its cell. The API rows and the settings action are checked in-process
// (tests/integration/access-matrix.test.ts).
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ACCESS_MATRIX, CALLER_KEYS, type Caller } from '../tests/access-matrix';
import { ADMIN_STATE, STAFF_STATE } from './support/accounts';
import { basicAuth, registerViaApi, TILLS, uniqueMobile } from './support/api';

interface Minted {
  otherAdmin: string;
  deactivated: string;
  otherClient: { key: string; secret: string };
}
const minted = JSON.parse(process.env.E2E_SESSIONS ?? 'null') as Minted | null;

/** The session cookie Playwright kept when a role signed in through the form (e2e/auth.setup.ts). */
function storedSession(file: string): string {
  const state = JSON.parse(readFileSync(file, 'utf8')) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  if (!cookie) throw new Error(`no session cookie in ${file}`);
  return cookie.value;
}

test('every page answers every caller as the access matrix says', async ({ playwright, request }) => {
  expect(minted, 'run through npm run test:e2e: scripts/e2e.mjs mints the sessions').not.toBeNull();
  const m = minted!;
  const token = async (key: string, secret: string) => {
    const res = await request.post('/v3/oauth/token/generate', { data: { key, secret } });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { accessToken: string } }).data.accessToken;
  };
  const session = (value: string) => ({ cookie: `next-auth.session-token=${value}` });
  const headersOf: Record<Caller, Record<string, string>> = {
    none: {},
    wrong: { authorization: basicAuth({ code: 'demo.till', password: 'Wrong@123' }) },
    till: { authorization: basicAuth(TILLS.demo) },
    readonly: { authorization: basicAuth({ code: 'readonly.till', password: 'Read@123' }) },
    otherTill: { authorization: basicAuth(TILLS.other) },
    token: { 'x-cap-api-oauth-token': await token('demo-key', 'demo-secret') },
    otherToken: { 'x-cap-api-oauth-token': await token(m.otherClient.key, m.otherClient.secret) },
    staff: session(storedSession(STAFF_STATE)),
    admin: session(storedSession(ADMIN_STATE)),
    otherAdmin: session(m.otherAdmin),
    deactivated: session(m.deactivated),
    adminClient: { 'x-cap-api-oauth-token': await token('demo-admin-key', 'demo-admin-secret') },
  };
  const id = await registerViaApi(request, 'demo', { firstName: 'Mattie', lastName: 'Trix', mobile: uniqueMobile() });

  // A context of its own: no stored cookies, every caller exactly its headers.
  const bare = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const rows = ACCESS_MATRIX.filter((r) => r.surface === 'page');
  const actual: Record<string, Record<Caller, number>> = {};
  for (const row of rows) {
    const path = row.route.replace(/^GET /, '').replace('{id}', String(id));
    actual[row.route] = {} as Record<Caller, number>;
    for (const caller of CALLER_KEYS) {
      const res = await bare.get(path, { headers: headersOf[caller], maxRedirects: 0 });
      actual[row.route]![caller] = res.status();
    }
  }
  await bare.dispose();
  expect(actual).toEqual(Object.fromEntries(rows.map((r) => [r.route, r.expected])));
});
