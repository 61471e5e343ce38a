CREATE TABLE "fulfilment_run_sources" (
	"run_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"result" jsonb,
	"payload_sealed" "bytea",
	"error" text,
	"finished_at" timestamp with time zone,
	CONSTRAINT "fulfilment_run_sources_run_id_source_id_pk" PRIMARY KEY("run_id","source_id"),
	CONSTRAINT "fulfilment_run_sources_state_check" CHECK ("fulfilment_run_sources"."state" in ('pending', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "fulfilment_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"step" text NOT NULL,
	"status" text NOT NULL,
	"map_version" integer NOT NULL,
	"started_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"package_sealed" "bytea",
	"error" text,
	CONSTRAINT "fulfilment_runs_step_check" CHECK ("fulfilment_runs"."step" in ('access', 'erasure', 'correction')),
	CONSTRAINT "fulfilment_runs_status_check" CHECK ("fulfilment_runs"."status" in ('collecting', 'preview', 'delivered', 'planning', 'awaiting_approval', 'approved', 'executing', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "fulfilment_sources" (
	"id" text PRIMARY KEY NOT NULL,
	"url_sealed" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fulfilment_run_sources" ADD CONSTRAINT "fulfilment_run_sources_run_id_fulfilment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fulfilment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD CONSTRAINT "fulfilment_runs_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD CONSTRAINT "fulfilment_runs_started_by_staff_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfilment_runs" ADD CONSTRAINT "fulfilment_runs_approved_by_staff_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fulfilment_runs_request_step_idx" ON "fulfilment_runs" USING btree ("request_id","step");