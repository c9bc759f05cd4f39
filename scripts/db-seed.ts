// npm run db:seed — the demo data set, idempotent.
import { closeDb, getHandle } from '@/db/client';
import { seedDemoData } from '@/db/seed';

const handle = await getHandle();
await seedDemoData(handle.db);
await closeDb();
console.log(`seeded (${handle.kind})`);
