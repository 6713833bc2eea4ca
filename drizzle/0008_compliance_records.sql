CREATE TABLE "compliance_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"team_id" text NOT NULL,
	"role" text NOT NULL,
	"penalty_bp" integer NOT NULL,
	"score_bp" integer,
	"checks" jsonb NOT NULL,
	"kpis" jsonb NOT NULL,
	"coverage_bp" integer,
	"delta" integer NOT NULL,
	"spx_notional_cents" bigint NOT NULL,
	"spy_notional_cents" bigint NOT NULL,
	CONSTRAINT "compliance_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
ALTER TABLE "run_record" ADD COLUMN "preset" text;--> statement-breakpoint
ALTER TABLE "run_record" ADD COLUMN "config" jsonb;--> statement-breakpoint
CREATE INDEX "compliance_record_team_idx" ON "compliance_record" USING btree ("game_id","team_id");