// The documented operations of /v2/imports (api-contract §19; docs/api.md, "Import jobs").
import { z } from 'zod';
import { ErrorResponseSchema } from '@/lib/api/schemas';
import type { ErrorCode } from '@/lib/errors';
import { IMPORT_COLUMNS } from '@/lib/imports/columns';
import {
  ImportJobResponseSchema,
  ImportListQuerySchema,
  ImportListResponseSchema,
  ImportQuerySchema,
} from '@/lib/imports/schemas';
import type { OperationSpec } from './operations';

const COMMON: ErrorCode[] = [400, 401, 403, 405, 517, 500, 503];
const ACCESS =
  ' Needs customers:import: API clients with write access to customers, and staff admins (not other staff).';
const IdPath = z.object({ id: z.string().meta({ description: 'The import id', example: '1' }) });

const base = { tag: 'Imports', authenticated: true, failure: ErrorResponseSchema } as const;

export const IMPORT_OPERATIONS: OperationSpec[] = [
  {
    ...base,
    path: '/v2/imports',
    method: 'post',
    summary: 'Import customers from a CSV file',
    description:
      'Stores the file (text/csv, UTF-8 with or without BOM, at most 200 MiB, a header row first) and queues it ' +
      'for the worker, which registers each row through the same rules as POST /v2/customers, in the source (and ' +
      `account) named. Columns, by header in any order: ${IMPORT_COLUMNS.join(', ')}, field:<custom field>, ` +
      'ext:<extended field>; other columns are reported in ignoredColumns and not read. Empty cells are absent ' +
      'values. dryRun=true checks every row with the full rules and writes nothing.' +
      ACCESS,
    requestParams: { query: ImportQuerySchema },
    requestBody: {
      contentType: 'text/csv',
      schema: z.string().meta({ description: 'The CSV file' }),
      examples: {
        two: {
          summary: 'Two customers',
          value: 'firstName,lastName,mobile,email\nAnn,Lee,919800000101,ann@example.com\nBen,Ode,919800000102,\n',
        },
      },
    },
    success: { status: 200, schema: ImportJobResponseSchema, description: 'The import, QUEUED' },
    errorCodes: [...COMMON, 3217, 8127, 9602, 9603],
  },
  {
    ...base,
    path: '/v2/imports',
    method: 'get',
    summary: 'List imports',
    description: "The org's imports, newest first, running ones included." + ACCESS,
    requestParams: { query: ImportListQuerySchema },
    success: { status: 200, schema: ImportListResponseSchema, description: 'The imports' },
    errorCodes: COMMON,
  },
  {
    ...base,
    path: '/v2/imports/{id}',
    method: 'get',
    summary: 'Get an import',
    description:
      'Its status (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED), rows done of the total, the counts per outcome ' +
      'and the rate so far.' +
      ACCESS,
    requestParams: { path: IdPath },
    success: { status: 200, schema: ImportJobResponseSchema, description: 'The import' },
    errorCodes: [...COMMON, 9604],
  },
  {
    ...base,
    path: '/v2/imports/{id}/results',
    method: 'get',
    summary: "An import's results",
    description:
      'CSV, one line per row recorded so far, in row order: row (from 1, the header not counted), outcome ' +
      '(created, sourceAdded, duplicate, invalid), customerId, codes (space-separated: the errors, or the ' +
      'warnings of a success), message.' +
      ACCESS,
    requestParams: { path: IdPath },
    success: {
      status: 200,
      contentType: 'text/csv',
      schema: z.string().meta({ description: 'row,outcome,customerId,codes,message' }),
      description: 'The results',
    },
    errorCodes: [...COMMON, 9604],
  },
  {
    ...base,
    path: '/v2/imports/{id}/cancel',
    method: 'post',
    summary: 'Cancel an import',
    description:
      'Stops a queued or running import: the chunk of rows under way is finished and recorded, no further row is ' +
      'read. An import already finished: 9605.' +
      ACCESS,
    requestParams: { path: IdPath },
    success: { status: 200, schema: ImportJobResponseSchema, description: 'The import, CANCELLED' },
    errorCodes: [...COMMON, 9604, 9605],
  },
];
