-- The outbox no longer wakes the worker with NOTIFY: PostgreSQL serialises the commits of every
-- transaction that notifies (a database-wide lock held from before commit until after it, so that
-- notifications are queued in commit order), which held registrations of an org with a webhook to one
-- commit at a time (measured: 462/s against 966–1007/s without the webhook, in one run). The worker
-- polls the outbox instead (lib/webhooks/task.ts, every 100 ms when idle: an index probe of the due rows).
DROP TRIGGER webhook_deliveries_notify ON webhook_deliveries;
--> statement-breakpoint
DROP FUNCTION webhook_deliveries_notify();
