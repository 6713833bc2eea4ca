CREATE TABLE "coverage_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"team_id" text NOT NULL,
	"coverage_bp" integer NOT NULL,
	"penalty_bp" integer NOT NULL,
	CONSTRAINT "coverage_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
CREATE INDEX "coverage_record_team_idx" ON "coverage_record" USING btree ("game_id","team_id");