ALTER TABLE "inbound_emails" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "unmatched_reason" text;--> statement-breakpoint
CREATE INDEX "inbound_emails_retry_idx" ON "inbound_emails" USING btree ("next_attempt_at") WHERE "inbound_emails"."status" = 'failed';