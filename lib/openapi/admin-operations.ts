// The administration operations (api-contract §16): staff, API clients and the admin log. Every one
// needs an admin: a staff session with role admin, or an API client with access `admin`.
import { z } from 'zod';
import {
  ApiClientCreatedResponseSchema,
  ApiClientCreateRequestSchema,
  ApiClientListResponseSchema,
  ApiClientSchema,
  ApiClientUpdateRequestSchema,
  AuditResponseSchema,
  OneTimePasswordResponseSchema,
  RotateRequestSchema,
  SecretResponseSchema,
  StaffCreatedResponseSchema,
  StaffCreateRequestSchema,
  StaffListResponseSchema,
  StaffMemberSchema,
  StaffUpdateRequestSchema,
} from '@/lib/admin/schemas';
import type { ErrorCode } from '@/lib/errors';
import { authenticatedOperations, type OperationSpec } from './operations';

/** Codes every admin route can answer: not signed in, not an admin, rate limited, the database away. */
const ADMIN: ErrorCode[] = [400, 401, 403, 405, 517, 500, 503];
const BODY: ErrorCode[] = [413, 415];
const tag = 'Administration';
const IdPath = (what: string) => z.object({ id: z.string().meta({ description: `The ${what}'s id`, example: '12' }) });

const op = authenticatedOperations(tag);

export const ADMIN_OPERATIONS: OperationSpec[] = [
  op({
    path: '/v2/staff',
    method: 'get',
    summary: 'List staff',
    description: "The org's staff members, active or not.",
    success: { schema: StaffListResponseSchema, description: 'The staff' },
    errorCodes: ADMIN,
  }),
  op({
    path: '/v2/staff',
    method: 'post',
    summary: 'Add a staff member',
    description:
      'Creates a staff member with a one-time password, answered once: their first sign-in must choose a new ' +
      'password. An email any org already uses: 9701.',
    requestBody: {
      schema: StaffCreateRequestSchema,
      examples: { clerk: { summary: 'A clerk', value: { email: 'sam@store.example', name: 'Sam', role: 'staff' } } },
    },
    success: { schema: StaffCreatedResponseSchema, description: 'Created; the one-time password is shown only here' },
    errorCodes: [...ADMIN, ...BODY, 9701],
  }),
  op({
    path: '/v2/staff/{id}',
    method: 'patch',
    summary: 'Change a staff member',
    description:
      'Renames, changes the role of, deactivates or reactivates a staff member of the org; takes effect within ' +
      '60 s everywhere. The last active admin cannot be deactivated or demoted: 9702.',
    requestParams: { path: IdPath('staff member') },
    requestBody: {
      schema: StaffUpdateRequestSchema,
      examples: { deactivate: { summary: 'Deactivate', value: { active: false } } },
    },
    success: { schema: StaffMemberSchema, description: 'The staff member as now' },
    errorCodes: [...ADMIN, ...BODY, 404, 9702],
  }),
  op({
    path: '/v2/staff/{id}/resetPassword',
    method: 'post',
    summary: "Reset a staff member's password",
    description: 'A new one-time password, answered once; the old password stops working at once.',
    requestParams: { path: IdPath('staff member') },
    success: { schema: OneTimePasswordResponseSchema, description: 'The one-time password, shown only here' },
    errorCodes: [...ADMIN, 404],
  }),
  op({
    path: '/v2/apiClients',
    method: 'get',
    summary: 'List API clients',
    description: "The org's tills and OAuth clients, never a secret or its hash.",
    success: { schema: ApiClientListResponseSchema, description: 'The clients' },
    errorCodes: ADMIN,
  }),
  op({
    path: '/v2/apiClients',
    method: 'post',
    summary: 'Add an API client',
    description:
      'A till (Basic: its key is the till code, the secret its password) or an OAuth client. The secret is ' +
      'generated (192 bits), answered once and stored as a slow hash. A key any org uses: 9703.',
    requestBody: {
      schema: ApiClientCreateRequestSchema,
      examples: {
        till: { summary: 'A till', value: { kind: 'TILL', key: 'store42.till', access: ['customers:write'] } },
      },
    },
    success: { schema: ApiClientCreatedResponseSchema, description: 'Created; the secret is shown only here' },
    errorCodes: [...ADMIN, ...BODY, 9703],
  }),
  op({
    path: '/v2/apiClients/{id}',
    method: 'patch',
    summary: 'Change or revoke an API client',
    description: "Changes a client's access, revokes (`active: false`) or restores it; takes effect within 60 s.",
    requestParams: { path: IdPath('API client') },
    requestBody: {
      schema: ApiClientUpdateRequestSchema,
      examples: { revoke: { summary: 'Revoke', value: { active: false } } },
    },
    success: { schema: ApiClientSchema, description: 'The client as now' },
    errorCodes: [...ADMIN, ...BODY, 404],
  }),
  op({
    path: '/v2/apiClients/{id}/rotate',
    method: 'post',
    summary: "Rotate an API client's secret",
    description:
      'A new secret, answered once. The old one keeps working for `overlapSeconds` (0 to 86400), then fails ' +
      '(with 0: within the 60 s recheck).',
    requestParams: { path: IdPath('API client') },
    requestBody: {
      schema: RotateRequestSchema,
      examples: { hour: { summary: 'An hour to switch over', value: { overlapSeconds: 3600 } } },
    },
    success: { schema: SecretResponseSchema, description: 'The new secret, shown only here' },
    errorCodes: [...ADMIN, ...BODY, 404],
  }),
  op({
    path: '/v2/audit',
    method: 'get',
    summary: 'Admin log',
    description:
      "The org's staff, API client, configuration and webhook decisions, newest first, each with who, when and every " +
      'value before → after. Never a secret or password, not even hashed.',
    requestParams: {
      query: z.object({
        limit: z.string().optional().meta({ description: 'Entries per page, 1 to 200 (default 50)' }),
        before: z
          .string()
          .optional()
          .meta({ description: 'The id of the last entry seen: the next page starts below it' }),
      }),
    },
    success: { schema: AuditResponseSchema, description: 'A page of entries, newest first' },
    errorCodes: ADMIN,
  }),
];
