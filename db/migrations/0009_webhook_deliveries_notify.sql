-- Wakes the webhook worker (LISTEN webhook_deliveries) when a change's statement wrote events. A row
-- trigger: a statement that wrote none (no webhook of the org wants the event) fires nothing, and
-- PostgreSQL sends one notification per transaction however many rows it wrote (same channel, same payload).
CREATE FUNCTION webhook_deliveries_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('webhook_deliveries', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_notify AFTER INSERT ON webhook_deliveries
  FOR EACH ROW EXECUTE FUNCTION webhook_deliveries_notify();
