// Starts as the server (server.ts) does before it listens (lib/startup's startServerOrExit), then
// closes the database and prints READY. A bad environment ends it before that, as it ends the server.
// Usage: tsx --conditions=react-server start-server-worker.ts
import { closeDb } from '@/db/client';
import { startServerOrExit } from '@/lib/startup';

await startServerOrExit();
await closeDb();
process.stdout.write('READY\n');
