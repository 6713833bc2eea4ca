CREATE TABLE "fill_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"trade_id" text NOT NULL,
	"team_id" text NOT NULL,
	"order_id" text NOT NULL,
	"instrument" text NOT NULL,
	"side" text NOT NULL,
	"price" integer NOT NULL,
	"quantity" integer NOT NULL,
	"fee_cents" bigint NOT NULL,
	"liquidity" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "fill_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
CREATE TABLE "mark_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"instrument" text NOT NULL,
	"mark_ticks" integer NOT NULL,
	CONSTRAINT "mark_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
CREATE TABLE "news_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"headline" text NOT NULL,
	CONSTRAINT "news_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
CREATE TABLE "order_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"order_id" text NOT NULL,
	"team_id" text NOT NULL,
	"instrument" text NOT NULL,
	"side" text NOT NULL,
	"order_type" text NOT NULL,
	"price" integer,
	"quantity" integer NOT NULL,
	"event" text NOT NULL,
	"reason" text,
	"source" text NOT NULL,
	CONSTRAINT "order_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
CREATE TABLE "score_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"team_id" text NOT NULL,
	"scope" text NOT NULL,
	"session" integer NOT NULL,
	"pnl_cents" bigint NOT NULL,
	"score_bp" integer NOT NULL,
	CONSTRAINT "score_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
CREATE TABLE "trade_record" (
	"game_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" bigint NOT NULL,
	"trade_id" text NOT NULL,
	"instrument" text NOT NULL,
	"price" integer NOT NULL,
	"quantity" integer NOT NULL,
	"aggressor" text,
	"buy_team_id" text NOT NULL,
	"sell_team_id" text NOT NULL,
	CONSTRAINT "trade_record_game_id_seq_pk" PRIMARY KEY("game_id","seq")
);
--> statement-breakpoint
CREATE INDEX "fill_record_team_idx" ON "fill_record" USING btree ("game_id","team_id");--> statement-breakpoint
CREATE INDEX "order_record_team_idx" ON "order_record" USING btree ("game_id","team_id");