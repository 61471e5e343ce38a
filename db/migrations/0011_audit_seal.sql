-- Writers no longer hash or lock: the chain moves from audit_log's own columns to audit_seal,
-- written by a single sealer (lib/audit/seal-audit-log.ts). Rows already chained keep their
-- hashes, copied as seals in id order (the order they were chained in).
CREATE TABLE "audit_seal" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_seal_audit_id_unique" UNIQUE("audit_id"),
	CONSTRAINT "audit_seal_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
ALTER TABLE "audit_seal" ADD CONSTRAINT "audit_seal_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "audit_checkpoint" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"chain_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_seal" ("seq", "audit_id", "prev_hash", "hash")
  SELECT row_number() OVER (ORDER BY "id"), "id", "prev_hash", "hash" FROM "audit_log" ORDER BY "id";
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_hash_unique";
--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "prev_hash";
--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "hash";
--> statement-breakpoint
-- Rows written before this migration get 0: they sort first, in id order, as they were chained.
ALTER TABLE "audit_log" ADD COLUMN "xact_id" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "id" SET DEFAULT nextval('audit_log_id_seq');
--> statement-breakpoint
CREATE INDEX "audit_log_chain_order_idx" ON "audit_log" USING btree ("xact_id","id");
--> statement-breakpoint
-- The writing transaction's id, whatever the writer sent: the sealer's watermark relies on it.
-- In a subtransaction (savepoint) pg_current_xact_id() is the top-level transaction's id.
CREATE OR REPLACE FUNCTION audit_log_stamp_xact() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.xact_id := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_stamp_xact
  BEFORE INSERT ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_stamp_xact();
--> statement-breakpoint
-- Seals and checkpoints are append-only like the log itself (the same refusal, naming the table).
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_seal_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_seal"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seal_no_truncate
  BEFORE TRUNCATE ON "audit_seal"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_checkpoint"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate
  BEFORE TRUNCATE ON "audit_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
