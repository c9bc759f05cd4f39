import { afterAll } from 'vitest';
import { closeDb } from '@/db/client';

// Each test file runs in its own process: release the pool (or the PGlite folder) when it is done.
afterAll(async () => {
  await closeDb();
});
