CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "legal_hold" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "legal_hold_reason" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "legal_hold_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "legal_hold_set_by" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_legal_hold_set_by_staff_id_fk" FOREIGN KEY ("legal_hold_set_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requests_retention_idx" ON "requests" USING btree ("closed_at") WHERE "requests"."anonymised_at" is null;