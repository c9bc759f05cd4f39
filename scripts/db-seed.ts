// npm run db:seed [-- --demo] — the platform data, and the demo orgs with their logins; idempotent.
// In production the demo data is loaded only when asked for with --demo (docs/api.md).
import { closeDb } from '@/db/client';
import { startUp } from '@/lib/startup';

const demo = process.argv.slice(2).includes('--demo');
const report = await startUp({ server: false, seed: true, demo });
await closeDb();
console.log(
  report.seeded === 'demo'
    ? `seeded the demo data (${report.kind})`
    : `seeded the platform data only (${report.kind}); in production the demo data needs --demo`,
);
