// A stand-in app process for the rate-limit tests: counts `attempts` requests against one quota key
// with the app's own limiter (REDIS_URL from the environment) and prints what it saw as JSON.
// Usage: tsx --conditions=react-server rate-limit-worker.ts <quotaKey> <limit> <attempts>
import { closeRateLimitStore, consumeQuota } from '@/lib/api/rate-limit';
import { ApiError } from '@/lib/errors';

const [key = '', limit = '0', attempts = '0'] = process.argv.slice(2);
let admitted = 0;
const refusals: { http: number; code: number | undefined; headers: Record<string, string> }[] = [];
await Promise.all(
  Array.from({ length: Number(attempts) }, async () => {
    try {
      await consumeQuota(key, Number(limit));
      admitted++;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      refusals.push({ http: err.http, code: err.items[0]?.code, headers: err.headers });
    }
  }),
);
await closeRateLimitStore();
// Marked: the app's log (asynchronous) may be written before or after it.
process.stdout.write(
  `REPORT ${JSON.stringify({ admitted, refused: refusals.length, firstRefusal: refusals[0] ?? null })}\n`,
);
