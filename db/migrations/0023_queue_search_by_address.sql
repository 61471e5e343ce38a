DROP INDEX "requests_email_type_idx";--> statement-breakpoint
CREATE INDEX "requests_email_type_idx" ON "requests" USING btree ("requester_email" text_pattern_ops,"type");