import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiClients } from '@/db/schema';
import type { ApiClientKind } from '@/lib/vocabulary';

export async function findApiClientByKey(db: DbOrTx, kind: ApiClientKind, key: string) {
  const [row] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.key, key), eq(apiClients.kind, kind), eq(apiClients.active, true)));
  return row ?? null;
}
