CREATE TABLE "run_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"run" integer NOT NULL,
	"seed" bigint NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "run_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
