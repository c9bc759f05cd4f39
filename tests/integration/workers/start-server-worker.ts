// Starts as a `next start` server process does (instrumentation.ts's register), then closes the
// database and prints READY. A bad environment ends it before that, as it ends the server.
// Usage: tsx --conditions=react-server start-server-worker.ts
import { closeDb } from '@/db/client';
import { register } from '@/instrumentation';

await register();
await closeDb();
process.stdout.write('READY\n');
