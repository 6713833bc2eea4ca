import { relations } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// 1. better-auth tables (user, session, account, verification). Field names are better-auth's.

/** A person. `role` is what they may do in the product: instructors run games, players trade. */
export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  role: text("role", { enum: ["instructor", "player"] })
    .notNull()
    .default("player"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

// 2. The game: one game is one PartyKit room; teams belong to one game.

export const GAME_STATUSES = ["lobby", "running", "paused", "ended"] as const;
export const TEAM_ROLES = ["market_maker", "hedge_fund", "arbitrage_desk"] as const;

export const game = pgTable(
  "game",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** Short code players type to join. Unique among all games. */
    joinCode: text("join_code").notNull(),
    preset: text("preset", { enum: ["compact", "full"] })
      .notNull()
      .default("compact"),
    /** Seed of the market simulation: the same seed replays the same prices and news. */
    seed: integer("seed").notNull(),
    status: text("status", { enum: GAME_STATUSES }).notNull().default("lobby"),
    /** Secret of the read-only projector link (`/watch/<id>?key=…`); anyone with the link can watch. */
    viewKey: text("view_key"),
    /** Grows with every change the room must hear about (teams, roles, keys); see RoomSetup.version. */
    setupVersion: integer("setup_version").notNull().default(0),
    instructorId: text("instructor_id")
      .notNull()
      .references(() => user.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [uniqueIndex("game_join_code_idx").on(t.joinCode), index("game_instructor_idx").on(t.instructorId)],
);

export const team = pgTable(
  "team",
  {
    id: text("id").primaryKey(),
    gameId: text("game_id")
      .notNull()
      .references(() => game.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role", { enum: TEAM_ROLES }).notNull().default("market_maker"),
    /** SHA-256 (hex) of the team's API key for external bots; the key itself is shown once and never stored. */
    apiKeyHash: text("api_key_hash"),
    /** First characters of the key, to tell keys apart in the UI. */
    apiKeyPrefix: text("api_key_prefix"),
    /** The instructor's qualitative score, 0–100 (GAME.md §12.1: 30% of the score), or null until entered. */
    qualitativeScore: integer("qualitative_score"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("team_game_name_idx").on(t.gameId, t.name)],
);

/** A user plays in a game for one team. */
export const teamMember = pgTable(
  "team_member",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    gameId: text("game_id")
      .notNull()
      .references(() => game.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    uniqueIndex("team_member_game_user_idx").on(t.gameId, t.userId),
  ],
);

// 3. Relations for the query builder.

export const gameRelations = relations(game, ({ many, one }) => ({
  teams: many(team),
  instructor: one(user, { fields: [game.instructorId], references: [user.id] }),
}));
export const teamRelations = relations(team, ({ one, many }) => ({
  game: one(game, { fields: [team.gameId], references: [game.id] }),
  members: many(teamMember),
}));
export const teamMemberRelations = relations(teamMember, ({ one }) => ({
  team: one(team, { fields: [teamMember.teamId], references: [team.id] }),
  user: one(user, { fields: [teamMember.userId], references: [user.id] }),
}));

// 4. Bots: every save is a new immutable version, numbered per team.

export const botVersion = pgTable(
  "bot_version",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    /** 1, 2, 3, … per team. */
    version: integer("version").notNull(),
    message: text("message").notNull(),
    code: text("code").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => user.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("bot_version_team_version_idx").on(t.teamId, t.version)],
);

// 5. The durable game record, shipped by the room in batches. (game_id, seq) is the idempotency key.

const recordKey = (t: { gameId: AnyPgColumn; seq: AnyPgColumn }) => [
  primaryKey({ columns: [t.gameId, t.seq] }),
];

export const tradeRecord = pgTable(
  "trade_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    tradeId: text("trade_id").notNull(),
    instrument: text("instrument").notNull(),
    price: integer("price").notNull(),
    quantity: integer("quantity").notNull(),
    aggressor: text("aggressor", { enum: ["buy", "sell"] }),
    buyTeamId: text("buy_team_id").notNull(),
    sellTeamId: text("sell_team_id").notNull(),
  },
  recordKey,
);

export const fillRecord = pgTable(
  "fill_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    tradeId: text("trade_id").notNull(),
    teamId: text("team_id").notNull(),
    orderId: text("order_id").notNull(),
    instrument: text("instrument").notNull(),
    side: text("side", { enum: ["buy", "sell"] }).notNull(),
    price: integer("price").notNull(),
    quantity: integer("quantity").notNull(),
    feeCents: bigint("fee_cents", { mode: "number" }).notNull(),
    liquidity: text("liquidity", { enum: ["maker", "taker", "auction"] }).notNull(),
    source: text("source", { enum: ["manual", "bot", "api", "sim"] }).notNull(),
  },
  (t) => [...recordKey(t), index("fill_record_team_idx").on(t.gameId, t.teamId)],
);

export const orderRecord = pgTable(
  "order_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    orderId: text("order_id").notNull(),
    teamId: text("team_id").notNull(),
    instrument: text("instrument").notNull(),
    side: text("side", { enum: ["buy", "sell"] }).notNull(),
    orderType: text("order_type", { enum: ["limit", "market"] }).notNull(),
    price: integer("price"),
    quantity: integer("quantity").notNull(),
    event: text("event", { enum: ["accepted", "rejected", "cancelled", "filled"] }).notNull(),
    reason: text("reason"),
    source: text("source", { enum: ["manual", "bot", "api", "sim"] }).notNull(),
  },
  (t) => [...recordKey(t), index("order_record_team_idx").on(t.gameId, t.teamId)],
);

export const markRecord = pgTable(
  "mark_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    instrument: text("instrument").notNull(),
    markTicks: integer("mark_ticks").notNull(),
  },
  recordKey,
);

export const newsRecord = pgTable(
  "news_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    headline: text("headline").notNull(),
  },
  recordKey,
);

export const scoreRecord = pgTable(
  "score_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    teamId: text("team_id").notNull(),
    scope: text("scope", { enum: ["session", "final"] }).notNull(),
    session: integer("session").notNull(),
    pnlCents: bigint("pnl_cents", { mode: "number" }).notNull(),
    scoreBp: integer("score_bp").notNull(),
  },
  recordKey,
);

export const runRecord = pgTable(
  "run_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    /** 1, 2, 3, … per game: the first start, then each start after a reset or rematch. */
    run: integer("run").notNull(),
    seed: bigint("seed", { mode: "number" }).notNull(),
    origin: text("origin", { enum: ["start", "reset", "rematch"] }).notNull(),
  },
  recordKey,
);

export const coverageRecord = pgTable(
  "coverage_record",
  {
    gameId: text("game_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    teamId: text("team_id").notNull(),
    /** Quote coverage of one 5-minute window, bp (GAME.md §11.2). */
    coverageBp: integer("coverage_bp").notNull(),
    penaltyBp: integer("penalty_bp").notNull(),
  },
  (t) => [...recordKey(t), index("coverage_record_team_idx").on(t.gameId, t.teamId)],
);
