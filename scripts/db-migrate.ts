// npm run db:migrate — applies the committed migrations to DATABASE_URL (or the embedded database).
import { closeDb } from '@/db/client';
import { startUp } from '@/lib/startup';

const report = await startUp({ server: false, migrate: true, seed: false });
await closeDb();
const upgraded = report.upgradedSecretHashes;
console.log(`migrated (${report.kind})${upgraded ? `; ${upgraded} API client secret hashes upgraded to scrypt` : ''}`);
