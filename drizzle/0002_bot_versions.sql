CREATE TABLE "bot_version" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"version" integer NOT NULL,
	"message" text NOT NULL,
	"code" text NOT NULL,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_version" ADD CONSTRAINT "bot_version_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_version" ADD CONSTRAINT "bot_version_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bot_version_team_version_idx" ON "bot_version" USING btree ("team_id","version");