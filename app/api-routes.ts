// The API's routes as the server (server.ts) registers them: one line per route.ts under app/v2 and
// app/v3, with its path in the router's syntax (`:id` a parameter, a final `*` a catch-all). Next
// finds the same files by their folders; a test checks that this list and the route files agree
// (tests/integration/server.test.ts).
import * as v2 from './v2/route';
import * as v2NotFound from './v2/[...path]/route';
import * as customers from './v2/customers/route';
import * as customersBulk from './v2/customers/bulk/route';
import * as customer from './v2/customers/[id]/route';
import * as changeIdentifier from './v2/customers/[id]/changeIdentifier/route';
import * as history from './v2/customers/[id]/history/route';
import * as lookup from './v2/customers/lookup/route';
import * as search from './v2/customers/search/route';
import * as extendedFields from './v2/extendedFields/route';
import * as openapi from './v2/openapi.json/route';
import * as staff from './v2/staff/route';
import * as staffMember from './v2/staff/[id]/route';
import * as staffResetPassword from './v2/staff/[id]/resetPassword/route';
import * as apiClients from './v2/apiClients/route';
import * as apiClient from './v2/apiClients/[id]/route';
import * as apiClientRotate from './v2/apiClients/[id]/rotate/route';
import * as audit from './v2/audit/route';
import * as imports from './v2/imports/route';
import * as importJob from './v2/imports/[id]/route';
import * as importCancel from './v2/imports/[id]/cancel/route';
import * as importResults from './v2/imports/[id]/results/route';
import * as requests from './v2/requests/route';
import * as request from './v2/requests/[id]/route';
import * as requestUnmerge from './v2/requests/[id]/unmerge/route';
import * as mergePreview from './v2/customers/merge/preview/route';
import * as customerExport from './v2/customers/[id]/export/route';
import * as v3 from './v3/route';
import * as v3NotFound from './v3/[...path]/route';
import * as tokenGenerate from './v3/oauth/token/generate/route';
import * as webHooks from './v3/webHooks/route';
import * as webHook from './v3/webHooks/[id]/route';
import * as webHookDeliveries from './v3/webHooks/[id]/deliveries/route';
import * as webHookRedeliver from './v3/webHooks/[id]/deliveries/[deliveryId]/redeliver/route';
import * as webHookEvents from './v3/webHooks/eventMetaData/route';

/** A route: its path, and its module (the exported method handlers, each carrying its `serve`). */
export interface ApiRoute {
  path: string;
  handlers: object;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { path: '/v2', handlers: v2 },
  { path: '/v2/*', handlers: v2NotFound },
  { path: '/v2/customers', handlers: customers },
  { path: '/v2/customers/bulk', handlers: customersBulk },
  { path: '/v2/customers/:id', handlers: customer },
  { path: '/v2/customers/:id/changeIdentifier', handlers: changeIdentifier },
  { path: '/v2/customers/:id/history', handlers: history },
  { path: '/v2/customers/lookup', handlers: lookup },
  { path: '/v2/customers/search', handlers: search },
  { path: '/v2/extendedFields', handlers: extendedFields },
  { path: '/v2/openapi.json', handlers: openapi },
  { path: '/v2/staff', handlers: staff },
  { path: '/v2/staff/:id', handlers: staffMember },
  { path: '/v2/staff/:id/resetPassword', handlers: staffResetPassword },
  { path: '/v2/apiClients', handlers: apiClients },
  { path: '/v2/apiClients/:id', handlers: apiClient },
  { path: '/v2/apiClients/:id/rotate', handlers: apiClientRotate },
  { path: '/v2/audit', handlers: audit },
  { path: '/v2/imports', handlers: imports },
  { path: '/v2/imports/:id', handlers: importJob },
  { path: '/v2/imports/:id/cancel', handlers: importCancel },
  { path: '/v2/imports/:id/results', handlers: importResults },
  { path: '/v2/requests', handlers: requests },
  { path: '/v2/requests/:id', handlers: request },
  { path: '/v2/requests/:id/unmerge', handlers: requestUnmerge },
  { path: '/v2/customers/merge/preview', handlers: mergePreview },
  { path: '/v2/customers/:id/export', handlers: customerExport },
  { path: '/v3', handlers: v3 },
  { path: '/v3/*', handlers: v3NotFound },
  { path: '/v3/oauth/token/generate', handlers: tokenGenerate },
  { path: '/v3/webHooks', handlers: webHooks },
  { path: '/v3/webHooks/:id', handlers: webHook },
  { path: '/v3/webHooks/:id/deliveries', handlers: webHookDeliveries },
  { path: '/v3/webHooks/:id/deliveries/:deliveryId/redeliver', handlers: webHookRedeliver },
  { path: '/v3/webHooks/eventMetaData', handlers: webHookEvents },
];
