-- pg_trgm for the queue's search inside e-mail addresses and names (PGlite loads it in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "request_status_counts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"delta" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "requests_email_trgm_idx" ON "requests" USING gin ("requester_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requests_name_trgm_idx" ON "requests" USING gin ("requester_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requests_created_idx" ON "requests" USING btree ("created_at","id");--> statement-breakpoint
-- The counts per status, kept in the transaction that changes them (db/schema/request-status-counts.ts).
-- Statement-level with transition tables: one insert per statement, however many rows it touched
-- (expiring unverified requests, seeding). Only deltas are inserted, so writers never wait for each other.
CREATE FUNCTION request_status_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_status_counts (status, delta) SELECT status, count(*) FROM new_rows GROUP BY status;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION request_status_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_status_counts (status, delta)
  SELECT status, sum(delta) FROM (
    SELECT status, -1 AS delta FROM old_rows
    UNION ALL
    SELECT status, 1 AS delta FROM new_rows
  ) AS changes
  GROUP BY status
  HAVING sum(delta) <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION request_status_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_status_counts (status, delta) SELECT status, -count(*) FROM old_rows GROUP BY status;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION request_status_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM request_status_counts;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER requests_status_counts_insert AFTER INSERT ON requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_status_counts_inserted();--> statement-breakpoint
CREATE TRIGGER requests_status_counts_update AFTER UPDATE ON requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_status_counts_updated();--> statement-breakpoint
CREATE TRIGGER requests_status_counts_delete AFTER DELETE ON requests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION request_status_counts_deleted();--> statement-breakpoint
CREATE TRIGGER requests_status_counts_truncate AFTER TRUNCATE ON requests FOR EACH STATEMENT EXECUTE FUNCTION request_status_counts_truncated();--> statement-breakpoint
-- Requests already there (the triggers above hold the table's lock until this migration commits).
INSERT INTO request_status_counts (status, delta) SELECT status, count(*) FROM requests GROUP BY status;
