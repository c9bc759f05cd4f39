// npm run org:create -- --name "Acme Retail" --region EMEA --admin-email a@acme.example [--admin-name "Ada"] [--code acme]
// A new org with a working default configuration and its first admin, on DATABASE_URL or the embedded
// database (applies the migrations and the platform data first; never the demo data). Prints the
// admin's one-time password once; an existing org or email exits 1 with a message and writes nothing.
import { parseArgs } from 'node:util';
import { closeDb, getHandle } from '@/db/client';
import { pgErrorCode } from '@/db/errors';
import { createOrg, OrgCreateRefused } from '@/lib/admin/create-org';
import { checkEnvironment, migrateDatabase, seedDatabase } from '@/lib/startup';
import type { Region } from '@/lib/vocabulary';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    region: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    code: { type: 'string' },
  },
});

let exitCode = 0;
try {
  checkEnvironment({ server: false });
  const { db, kind } = await getHandle();
  await migrateDatabase(db, kind);
  await seedDatabase(db, { demo: false });
  const org = await createOrg(db, {
    name: values.name ?? '',
    region: (values.region ?? '').toUpperCase() as Region,
    adminEmail: values['admin-email'] ?? '',
    adminName: values['admin-name'],
    code: values.code,
  });
  console.log(`created org "${org.code}" (id ${org.orgId}) on ${kind}`);
  console.log(`first admin: ${org.adminEmail}`);
  console.log(`one-time password (shown once; a new one must be chosen at first sign-in): ${org.oneTimePassword}`);
} catch (err) {
  exitCode = 1;
  // A refusal is for the operator; anything else is named by its kind and code only (a driver's message may quote data).
  console.error(
    err instanceof OrgCreateRefused
      ? `org:create: ${err.message}`
      : `org:create failed: ${err instanceof Error ? err.name : 'error'}${pgErrorCode(err) ? ` (PostgreSQL ${pgErrorCode(err)})` : ''}`,
  );
} finally {
  // One process per PGlite data folder: let go of it before exiting.
  await closeDb();
}
process.exit(exitCode);
