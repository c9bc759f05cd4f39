// A stand-in app process for the credential throttle tests: records failed attempts of a (kind, key,
// address) pair, or asks whether one more is allowed, with the app's own throttle (REDIS_URL and
// REDIS_KEY_PREFIX from the environment), and prints what it saw as JSON. Like an app process it also
// counts API requests, so both kinds of limit live in one process, set up in the order a real one
// may meet them.
// Usage: tsx --conditions=react-server credential-worker.ts fail <kind> <key> <address> <times> | ... check <kind> <key> <address>
import { consumeQuota } from '@/lib/api/rate-limit';
import { attemptFailed, beginAttempt, type CredentialKind } from '@/lib/auth/credential-throttle';
import { closeSharedRedis } from '@/lib/redis';

const [action, kind = 'till', key = '', address = '', times = '1'] = process.argv.slice(2);
const check = () =>
  beginAttempt(kind as CredentialKind, key, address).then(
    () => ({ allowed: true }),
    (err: unknown) => ({ allowed: false, message: (err as Error).message }),
  );

const first = await check(); // an attempt starts with this
await consumeQuota('credential-worker', 1_000_000); // then an API request arrives
let report: unknown;
if (action === 'fail') {
  for (let i = 0; i < Number(times); i++) await attemptFailed(await beginAttempt(kind as CredentialKind, key, address));
  report = { allowedBefore: first.allowed, recorded: Number(times) };
} else {
  report = await check();
}
await closeSharedRedis();
process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
