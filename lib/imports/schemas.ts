// The wire shapes of /v2/imports (docs/api.md, "Import jobs"), for the routes and the OpenAPI document.
import { z } from 'zod';
import { WarningSchema } from '@/lib/api/schemas';
import { IMPORT_STATUSES } from '@/lib/vocabulary';

const Count = z.number().int().min(0);
const Time = z.iso.datetime().nullable().meta({ description: 'ISO 8601, UTC' });

export const ImportJobSchema = z
  .object({
    id: z.number().int().positive(),
    status: z.enum(
      IMPORT_STATUSES.filter((s) => s !== 'UPLOADING') as ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'],
    ),
    dryRun: z.boolean(),
    source: z.string(),
    accountId: z.string(),
    fileName: z.string().nullable(),
    columns: z.array(z.string()).meta({ description: 'The columns of the header that are read' }),
    ignoredColumns: z.array(z.string()).meta({ description: 'The columns of the header that are not' }),
    rowsTotal: Count,
    rowsDone: Count,
    created: Count,
    sourceAdded: Count,
    duplicates: Count.meta({ description: 'Rows refused with 8006 or 8052' }),
    invalid: Count.meta({ description: 'Rows refused with any other code' }),
    createdAt: z.iso.datetime(),
    startedAt: Time,
    finishedAt: Time,
    ratePerSecond: z.number().min(0).nullable().meta({ description: 'Rows per second of running time so far' }),
    failure: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJobView = z.infer<typeof ImportJobSchema>;

export const ImportJobResponseSchema = ImportJobSchema.extend({ warnings: z.array(WarningSchema) }).meta({
  id: 'ImportJobResponse',
});

export const ImportListResponseSchema = z
  .object({ imports: z.array(ImportJobSchema), warnings: z.array(WarningSchema) })
  .meta({ id: 'ImportListResponse' });

const Bool = z.enum(['true', 'false']).optional();

export const ImportQuerySchema = z.object({
  source: z.string().optional().meta({ description: 'The source the rows are registered in (default INSTORE)' }),
  accountId: z.string().optional().meta({ description: 'The account of a multi-account source' }),
  dryRun: Bool.meta({ description: 'true: check every row with the full rules and write nothing' }),
  fileName: z.string().max(255).optional().meta({ description: "The file's name, shown in the list" }),
});

export const ImportListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: 'At most this many (default 20)' }),
});
