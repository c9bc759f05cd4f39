// The requests (api-contract §17): merge, unmerge and PII deletion under maker-checker.
import { z } from 'zod';
import type { ErrorCode } from '@/lib/errors';
import {
  CreateRequestBodySchema,
  CustomerExportSchema,
  DecideRequestBodySchema,
  MergePreviewResponseSchema,
  RequestCreatedSchema,
  RequestListSchema,
  RequestResponseSchema,
} from '@/lib/requests/schemas';
import { REQUEST_BASE_TYPES, REQUEST_STATUSES } from '@/lib/vocabulary';
import { authenticatedOperations, type OperationSpec } from './operations';

const COMMON: ErrorCode[] = [400, 401, 403, 405, 517, 500, 503];
const BODY: ErrorCode[] = [413, 415];
const MERGE_CODES: ErrorCode[] = [8109, 9018, 9023, 9026, 9027, 9029, 9031, 9042];
const tag = 'Requests';
const RequestIdPath = z.object({
  id: z.string().meta({ description: 'The request id (createdId)', example: '5000001' }),
});

const op = authenticatedOperations(tag);

export const REQUEST_OPERATIONS: OperationSpec[] = [
  op({
    path: '/v2/requests',
    method: 'post',
    summary: 'Create a request',
    description:
      "A merge (`baseType` MERGE: the victim moves into the survivor) or the deletion of a customer's personal data " +
      '(`baseType` DELETE). Needs write access to customers. Pending until someone else with requests:approve ' +
      'approves it (maker-checker), unless the org auto-approves the base type or the caller, holding ' +
      'requests:approve, sends `client_auto_approve=true` (ignored from anyone else): then it is approved at once (a merge completes in the ' +
      'same call). Every blocker of a merge is answered at once.',
    requestParams: {
      query: z.object({
        client_auto_approve: z
          .enum(['true', 'false'])
          .optional()
          .meta({ description: 'Approve at once (requests:approve)' }),
      }),
    },
    requestBody: {
      schema: CreateRequestBodySchema,
      examples: {
        merge: {
          summary: 'Merge 100000002 into 100000001',
          value: {
            type: 'CHANGE_IDENTIFIER',
            baseType: 'MERGE',
            victimId: 100000002,
            survivorId: 100000001,
            comments: 'Same person',
          },
        },
        delete: {
          summary: 'Forget a customer',
          value: {
            type: 'CUSTOMER',
            baseType: 'DELETE',
            comments: 'Asked by email',
            customerIdentificationInfo: {
              source: 'INSTORE',
              identifierType: 'mobile',
              identifierValue: '919800000001',
            },
          },
        },
      },
    },
    success: {
      schema: RequestCreatedSchema,
      description: 'Created: its id and status (PENDING, or COMPLETED/APPROVED when approved at once)',
    },
    errorCodes: [...COMMON, ...BODY, ...MERGE_CODES, 3217, 8015, 8069, 8121, 9071],
  }),
  op({
    path: '/v2/requests',
    method: 'get',
    summary: 'List requests',
    description: "The org's requests, newest first: the approval queue with `status=PENDING`.",
    requestParams: {
      query: z.object({
        status: z.enum(REQUEST_STATUSES).optional(),
        baseType: z.enum(REQUEST_BASE_TYPES).optional(),
        customerId: z.string().optional().meta({ description: 'Requests naming this customer' }),
        limit: z.string().optional().meta({ description: '1 to 200, default 50' }),
      }),
    },
    success: { schema: RequestListSchema, description: 'The requests' },
    errorCodes: COMMON,
  }),
  op({
    path: '/v2/requests/{id}',
    method: 'get',
    summary: 'Get a request',
    description: 'One request; a pending merge carries `preview.blockers`: what would stop it now.',
    requestParams: { path: RequestIdPath },
    success: { schema: RequestResponseSchema, description: 'The request' },
    errorCodes: [...COMMON, 9050],
  }),
  op({
    path: '/v2/requests/{id}',
    method: 'put',
    summary: 'Decide a request',
    description:
      'Needs requests:approve (supervisors, admins), except that the maker of a pending request may cancel it ' +
      'with write access alone (403 for anyone else). APPROVED or REJECTED (the maker cannot approve their own ' +
      'request: 9071, unless the org auto-approves its base type), CANCELLED (a pending request, or an approved ' +
      'deletion whose erasure has not run) or PENDING (re-opens a rejected one). An approved merge runs at once: ' +
      'COMPLETED, or FAILED with `failure` when something blocks it now. A decision the status does not allow: 9072.',
    requestParams: { path: RequestIdPath },
    requestBody: {
      schema: DecideRequestBodySchema,
      examples: {
        approve: { summary: 'Approve', value: { status: 'APPROVED', comments: 'Checked' } },
        cancel: { summary: 'Cancel (its maker)', value: { status: 'CANCELLED', comments: 'Asked by mistake' } },
      },
    },
    success: { schema: RequestResponseSchema, description: 'The request as now' },
    errorCodes: [...COMMON, ...BODY, 9050, 9071, 9072],
    refusedAfterCount: true,
  }),
  op({
    path: '/v2/requests/{id}/unmerge',
    method: 'post',
    summary: 'Undo a merge',
    description:
      'Puts back both customers exactly as they were before a completed merge (requests:approve), within 30 days ' +
      '(9082 after). Whatever was added to the survivor since stays with it; refused with 9081, naming it, when ' +
      'something that came from the victim was changed or removed since.',
    requestParams: { path: RequestIdPath },
    success: { schema: RequestResponseSchema, description: 'The request, with unmergedAt' },
    errorCodes: [...COMMON, 8109, 9050, 9072, 9081, 9082],
  }),
  op({
    path: '/v2/customers/{id}/export',
    method: 'get',
    summary: 'Export a customer (subject access)',
    description:
      'Every piece of personal data held on the customer: its record under its own id (a merge victim its own, ' +
      'not the survivor), its whole history and the requests naming it. Needs read access to customers.',
    requestParams: {
      path: z.object({ id: z.string().meta({ description: 'The customer id', example: '100000001' }) }),
    },
    success: { schema: CustomerExportSchema, description: 'The copy' },
    errorCodes: [...COMMON, 8015],
  }),
  op({
    path: '/v2/customers/merge/preview',
    method: 'get',
    summary: 'Preview a merge',
    description:
      'The survivor as the merge would leave it, and every blocker at once (`blockers`: 9029, 9027, 9023, 9018, ' +
      '9026, 8109, 9031). Nothing is written. An unknown customer: 9042.',
    requestParams: {
      query: z.object({
        victimId: z.string().meta({ description: 'The customer that would disappear', example: '100000002' }),
        survivorId: z.string().meta({ description: 'The customer that would stay', example: '100000001' }),
      }),
    },
    success: { schema: MergePreviewResponseSchema, description: 'The preview' },
    errorCodes: [...COMMON, 9042],
  }),
];
