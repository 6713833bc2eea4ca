ALTER TABLE "game" ADD COLUMN "setup_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "api_key_hash" text;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "api_key_prefix" text;