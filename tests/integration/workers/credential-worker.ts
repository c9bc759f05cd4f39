// A stand-in app process for the sign-in throttle tests: records failed sign-ins, or asks whether
// one more is allowed, with the app's own throttle (REDIS_URL and REDIS_KEY_PREFIX from the
// environment), and prints what it saw as JSON. Like an app process it also counts API requests,
// so both kinds of limit live in one process, set up in the order a real one may meet them.
// Usage: tsx sign-in-worker.ts fail <email> <ip> <times> | tsx sign-in-worker.ts check <email> <ip>
import { consumeQuota } from '@/lib/api/rate-limit';
import { assertSignInAllowed, recordSignInFailure } from '@/lib/auth/sign-in-throttle';
import { closeSharedRedis } from '@/lib/redis';

const [action, email = '', ip = '', times = '1'] = process.argv.slice(2);
const check = () =>
  assertSignInAllowed(email, ip).then(
    () => ({ allowed: true }),
    (err: unknown) => ({ allowed: false, message: (err as Error).message }),
  );

const first = await check(); // a sign-in starts with this
await consumeQuota('sign-in-worker', 1_000_000); // then an API request arrives
let report: unknown;
if (action === 'fail') {
  for (let i = 0; i < Number(times); i++) await recordSignInFailure(email, ip);
  report = { allowedBefore: first.allowed, recorded: Number(times) };
} else {
  report = await check();
}
await closeSharedRedis();
process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
