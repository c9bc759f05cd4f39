// Who may call what (docs/api.md, "Access matrix"): every route, page and server action against
// every kind of caller, with the status expected. One table: tests/integration/access-matrix.test.ts
// checks the API routes and the settings action, e2e/access-matrix.spec.ts the pages through the
// running server, and `npm run docs:api` prints it into docs/api.md.

export const CALLERS = {
  none: 'no credentials',
  wrong: 'wrong credentials',
  till: 'till (writes)',
  readonly: 'read-only till',
  otherTill: "other org's till",
  token: 'OAuth token',
  otherToken: "other org's token",
  staff: 'staff',
  admin: 'admin',
  otherAdmin: "other org's admin",
  deactivated: 'deactivated staff',
  adminClient: 'admin API client',
} as const;
export type Caller = keyof typeof CALLERS;
export const CALLER_KEYS = Object.keys(CALLERS) as Caller[];

/** Where a row is checked: the API and the action in-process, pages through the running server. */
export type Surface = 'api' | 'page' | 'action';

export interface MatrixRow {
  /** Method and path as people write them; `{id}` is a customer (staff member, API client) of the demo org. */
  route: string;
  surface: Surface;
  expected: Record<Caller, number>;
}

/** The same status for every caller but the ones named. */
const all = (status: number, except: Partial<Record<Caller, number>> = {}): Record<Caller, number> =>
  Object.fromEntries(CALLER_KEYS.map((c) => [c, except[c] ?? status])) as Record<Caller, number>;

const signedInOnly = { none: 401, wrong: 401, deactivated: 401 } as const;
/** A page: anyone not signed in as active staff goes to /login (307); API credentials do not sign in. */
const page = (signedIn: number, except: Partial<Record<Caller, number>> = {}) =>
  all(307, { staff: signedIn, admin: signedIn, otherAdmin: signedIn, ...except });

/** Administration (api-contract §16): admins and admin clients, each in its own org; another org's id is 404. */
const adminOnly = (except: Partial<Record<Caller, number>> = {}) =>
  all(403, { ...signedInOnly, admin: 200, otherAdmin: 200, adminClient: 200, ...except });

export const ACCESS_MATRIX: MatrixRow[] = [
  // Writes register in the caller's own org: another org's caller creates its own customer.
  { route: 'POST /v2/customers', surface: 'api', expected: all(200, { ...signedInOnly, readonly: 403 }) },
  { route: 'POST /v2/customers/bulk', surface: 'api', expected: all(200, { ...signedInOnly, readonly: 403 }) },
  {
    route: 'GET /v2/customers/{id}',
    surface: 'api',
    expected: all(200, { ...signedInOnly, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  {
    route: 'PUT /v2/customers/{id}',
    surface: 'api',
    expected: all(200, { ...signedInOnly, readonly: 403, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  {
    route: 'POST /v2/customers/{id}/changeIdentifier',
    surface: 'api',
    expected: all(200, { ...signedInOnly, readonly: 403, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  {
    route: 'GET /v2/customers/{id}/history',
    surface: 'api',
    expected: all(200, { ...signedInOnly, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  // Another org's caller searches its own org (and finds nothing of this one).
  { route: 'GET /v2/customers/search?q=…', surface: 'api', expected: all(200, signedInOnly) },
  {
    route: 'GET /v2/customers/lookup?identifierName=mobile&identifierValue=…',
    surface: 'api',
    expected: all(200, { ...signedInOnly, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  { route: 'GET /v2/extendedFields', surface: 'api', expected: all(200, signedInOnly) },
  { route: 'GET /v2/staff', surface: 'api', expected: adminOnly() },
  { route: 'POST /v2/staff', surface: 'api', expected: adminOnly() },
  { route: 'PATCH /v2/staff/{id}', surface: 'api', expected: adminOnly({ otherAdmin: 404 }) },
  { route: 'POST /v2/staff/{id}/resetPassword', surface: 'api', expected: adminOnly({ otherAdmin: 404 }) },
  { route: 'GET /v2/apiClients', surface: 'api', expected: adminOnly() },
  { route: 'POST /v2/apiClients', surface: 'api', expected: adminOnly() },
  { route: 'PATCH /v2/apiClients/{id}', surface: 'api', expected: adminOnly({ otherAdmin: 404 }) },
  { route: 'POST /v2/apiClients/{id}/rotate', surface: 'api', expected: adminOnly({ otherAdmin: 404 }) },
  { route: 'GET /v2/audit', surface: 'api', expected: adminOnly() },
  // Requests (§17): anyone who writes customers creates one, anyone signed in reads them; deciding and
  // undoing a merge need requests:approve (supervisors, admins), but the maker of a pending request may
  // cancel it. `{id}` is a request of the demo org: its till's, or (cancel) the caller's own where it can make one.
  { route: 'GET /v2/requests', surface: 'api', expected: all(200, signedInOnly) },
  {
    route: 'POST /v2/requests',
    surface: 'api',
    expected: all(200, { ...signedInOnly, readonly: 403, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  {
    route: 'GET /v2/requests/{id}',
    surface: 'api',
    expected: all(200, { ...signedInOnly, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  {
    route: 'PUT /v2/requests/{id}',
    surface: 'api',
    expected: all(403, { ...signedInOnly, admin: 200, adminClient: 200, otherAdmin: 404 }),
  },
  {
    route: 'PUT /v2/requests/{id} (its maker cancels)',
    surface: 'api',
    expected: all(200, { ...signedInOnly, readonly: 403, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  {
    route: 'POST /v2/requests/{id}/unmerge',
    surface: 'api',
    expected: all(403, { ...signedInOnly, admin: 200, adminClient: 200, otherAdmin: 404 }),
  },
  {
    route: 'GET /v2/customers/merge/preview?victimId=…&survivorId=…',
    surface: 'api',
    expected: all(200, { ...signedInOnly, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  {
    route: 'GET /v2/customers/{id}/export',
    surface: 'api',
    expected: all(200, { ...signedInOnly, otherTill: 404, otherToken: 404, otherAdmin: 404 }),
  },
  { route: 'POST /v3/oauth/token/generate (demo key and secret)', surface: 'api', expected: all(200) },
  { route: 'GET /v2/openapi.json', surface: 'api', expected: all(200) },
  // Webhooks need webhooks:manage (staff admins, clients with that access or admin; 8140 for everyone
  // else signed in); each manages its own org's, `{id}` being a webhook of the demo org.
  { route: 'GET /v3/webHooks', surface: 'api', expected: adminOnly() },
  { route: 'POST /v3/webHooks', surface: 'api', expected: adminOnly() },
  { route: 'GET /v3/webHooks/eventMetaData', surface: 'api', expected: adminOnly() },
  { route: 'GET /v3/webHooks/{id}/deliveries', surface: 'api', expected: adminOnly({ otherAdmin: 404 }) },
  // Imports need customers:import: clients with write access, staff admins; `{id}` an import of the demo org.
  {
    route: 'POST /v2/imports',
    surface: 'api',
    expected: all(200, { ...signedInOnly, readonly: 403, staff: 403 }),
  },
  { route: 'GET /v2/imports', surface: 'api', expected: all(200, { ...signedInOnly, readonly: 403, staff: 403 }) },
  {
    route: 'GET /v2/imports/{id}',
    surface: 'api',
    expected: all(200, {
      ...signedInOnly,
      readonly: 403,
      staff: 403,
      otherTill: 404,
      otherToken: 404,
      otherAdmin: 404,
    }),
  },
  { route: 'GET /api/health', surface: 'api', expected: all(200) },
  { route: 'GET /member-care/ui', surface: 'page', expected: page(200) },
  { route: 'GET /member-care/ui/register', surface: 'page', expected: page(200) },
  { route: 'GET /member-care/ui/customer/{id}', surface: 'page', expected: page(200, { otherAdmin: 404 }) },
  { route: 'GET /member-care/ui/settings/registration', surface: 'page', expected: page(200, { staff: 403 }) },
  // Every page of the configuration checks alike: one of the editor's parts, and its history.
  { route: 'GET /member-care/ui/settings/registration/limits', surface: 'page', expected: page(200, { staff: 403 }) },
  { route: 'GET /member-care/ui/settings/registration/history', surface: 'page', expected: page(200, { staff: 403 }) },
  { route: 'GET /member-care/ui/settings/staff', surface: 'page', expected: page(200, { staff: 403 }) },
  { route: 'GET /member-care/ui/settings/api-clients', surface: 'page', expected: page(200, { staff: 403 }) },
  { route: 'GET /member-care/ui/settings/audit', surface: 'page', expected: page(200, { staff: 403 }) },
  { route: 'GET /member-care/ui/settings/webhooks', surface: 'page', expected: page(200, { staff: 403 }) },
  { route: 'GET /member-care/ui/settings/imports', surface: 'page', expected: page(200, { staff: 403 }) },
  { route: 'GET /member-care/ui/requests', surface: 'page', expected: page(200) },
  { route: 'GET /member-care/ui/account', surface: 'page', expected: page(200) },
  { route: 'GET /docs/api', surface: 'page', expected: all(200) },
  // Signed-in staff are sent on from the sign-in page to the app.
  { route: 'GET /login', surface: 'page', expected: all(200, { staff: 307, admin: 307, otherAdmin: 307 }) },
  // The action answers in its result, not in HTTP: 401 = "your session has ended", 403 = "only
  // admins", 200 = saved (each admin saves its own org's current settings).
  {
    route: 'action saveRegistrationSettings',
    surface: 'action',
    expected: all(401, { admin: 200, otherAdmin: 200, staff: 403 }),
  },
];

/** The table as Markdown, for docs/api.md. */
export function renderAccessMatrix(): string {
  const head = `| route | ${CALLER_KEYS.map((c) => CALLERS[c]).join(' | ')} |`;
  const rule = `|---|${CALLER_KEYS.map(() => '---').join('|')}|`;
  const rows = ACCESS_MATRIX.map((r) => `| ${r.route} | ${CALLER_KEYS.map((c) => r.expected[c]).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

const MATRIX_START = '<!-- access-matrix:start (generated by `npm run docs:api` from tests/access-matrix.ts) -->';
const MATRIX_END = '<!-- access-matrix:end -->';

/** docs/api.md with the table between its markers replaced by the current one. */
export function withAccessMatrixSection(markdown: string): string {
  const start = markdown.indexOf(MATRIX_START);
  const end = markdown.indexOf(MATRIX_END);
  if (start < 0 || end < start) throw new Error('docs/api.md: the access-matrix:start / :end markers are missing');
  return `${markdown.slice(0, start + MATRIX_START.length)}\n${renderAccessMatrix()}\n${markdown.slice(end)}`;
}
