CREATE TABLE "fulfilment_http_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"run_id" uuid,
	"source_id" text NOT NULL,
	"purpose" text NOT NULL,
	"priority" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"body_sealed" "bytea" NOT NULL,
	"answer" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "fulfilment_http_calls_purpose_check" CHECK ("fulfilment_http_calls"."purpose" in ('access', 'erasure', 'secure_account')),
	CONSTRAINT "fulfilment_http_calls_status_check" CHECK ("fulfilment_http_calls"."status" in ('pending', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "request_events" DROP CONSTRAINT "request_events_kind_check";--> statement-breakpoint
ALTER TABLE "fulfilment_http_calls" ADD CONSTRAINT "fulfilment_http_calls_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_http_calls" ADD CONSTRAINT "fulfilment_http_calls_run_id_fulfilment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fulfilment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_http_calls_request_source_purpose_idx" ON "fulfilment_http_calls" USING btree ("request_id","source_id","purpose");--> statement-breakpoint
CREATE INDEX "fulfilment_http_calls_due_idx" ON "fulfilment_http_calls" USING btree ("status","priority","next_attempt_at");--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_kind_check" CHECK ("request_events"."kind" in ('submitted', 'verified', 'duplicate_linked', 'assigned', 'status_changed', 'completed', 'denied', 'withdrawn', 'expired', 'message_received', 'message_sent', 'note_added', 'clock_paused', 'clock_resumed', 'deadline_extended', 'legal_hold_placed', 'legal_hold_lifted', 'anonymised', 'email_bounced', 'inbound_email_attached', 'http_call_answered', 'http_call_failed', 'http_call_retried', 'fulfilment_started', 'fulfilment_resumed', 'fulfilment_failed', 'fulfilment_collected', 'fulfilment_delivered', 'fulfilment_erasure_planned', 'fulfilment_erasure_approved', 'fulfilment_erasure_done', 'fulfilment_correction_planned', 'fulfilment_corrected'));