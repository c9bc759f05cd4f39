// For scripts/bench.mjs (`--workload webhooks`): gives org `bench` a webhook to `url`, subscribed to
// every event, its secret encrypted under AUTH_SECRET as the app stores it; prints the webhook's id.
// usage: tsx --conditions=react-server scripts/bench-webhook.ts <url>   (DATABASE_URL, AUTH_SECRET set)
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { insertWebhook } from '@/db/queries/webhooks';
import { orgs } from '@/db/schema';
import { encryptSecret, newWebhookSecret } from '@/lib/webhooks/secret';
import { WEBHOOK_EVENTS } from '@/lib/vocabulary';

const url = process.argv[2];
if (!url) throw new Error('usage: bench-webhook.ts <url>');
const db = await getDb();
const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'bench'));
if (!org) throw new Error('no org "bench": seed the demo data first');
const row = await insertWebhook(db, org.id, {
  name: 'bench',
  url,
  eventNames: [...WEBHOOK_EVENTS],
  headers: {},
  active: true,
  secretCiphertext: encryptSecret(newWebhookSecret()),
});
console.log(JSON.stringify({ orgId: org.id, webhookId: row.id }));
await closeDb();
