ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_locale_check" CHECK ("policy_versions"."locale" in ('ru', 'kk', 'en'));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_type_check" CHECK ("requests"."type" in ('access', 'correction', 'deletion', 'credential_misuse'));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_locale_check" CHECK ("requests"."locale" in ('ru', 'kk', 'en'));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_jurisdiction_check" CHECK ("requests"."jurisdiction" in ('KZ', 'GDPR', 'CCPA', 'OTHER'));--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_locale_check" CHECK ("staff"."locale" in ('ru', 'kk', 'en'));--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_locale_check" CHECK ("reply_templates"."locale" in ('ru', 'kk', 'en'));