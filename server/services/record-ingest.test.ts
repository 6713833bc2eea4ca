import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameRecord } from "@/party/core/protocol";
import type { DbHandle } from "../db";
import { createTestApp, TEST_ENV } from "../testing/test-app";
import { openTestDb, testDbKinds } from "../testing/test-databases";
import { handleRecordIngest } from "./record-ingest-handler";
import { mintRoomServiceToken } from "./room-service-token";

const trade = (seq: number): GameRecord => ({
  kind: "trade",
  seq,
  at: 1_000 + seq,
  tradeId: `t-${seq}`,
  instrument: "SPX_4400_CALL_2024-02-15",
  price: 2540,
  quantity: 5,
  aggressor: "buy",
  buyTeamId: "team-a",
  sellTeamId: "team-b",
});
const fill = (seq: number, teamId: string): GameRecord => ({
  kind: "fill",
  seq,
  at: 1_000 + seq,
  tradeId: `t-${seq}`,
  teamId,
  orderId: `o-${seq}`,
  instrument: "SPX_4400_CALL_2024-02-15",
  side: "buy",
  price: 2540,
  quantity: 5,
  feeCents: -10,
  liquidity: "taker",
  source: "bot",
});

describe.each(testDbKinds())("game record ingestion on %s", (kind) => {
  let handle: DbHandle;
  let gameId: string;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    const app = createTestApp(handle.db);
    const teacher = await app.signUp({ name: "Ida", email: "ida@school.test", role: "instructor" });
    gameId = (await teacher.caller.game.create({ name: "Records", preset: "compact" })).id;
  });
  afterAll(() => handle.close());

  const post = async (records: GameRecord[], options: { token?: string; id?: string } = {}) => {
    const token = options.token ?? (await mintRoomServiceToken(gameId, TEST_ENV.ROOM_TOKEN_SECRET));
    const request = new Request("http://test/records", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ gameId: options.id ?? gameId, records }),
    });
    return handleRecordIngest(request, options.id ?? gameId, {
      db: handle.db,
      secret: TEST_ENV.ROOM_TOKEN_SECRET,
    });
  };
  const count = async (table: string) => {
    const result = (await handle.db.execute(sql.raw(`select count(*) as n from ${table}`))) as unknown as {
      rows: { n: string | number }[];
    };
    return Number(result.rows[0]?.n);
  };

  it("stores a batch once however often it arrives, and overlapping batches add only what is new", async () => {
    const batch = [
      trade(1),
      fill(2, "team-a"),
      fill(3, "team-b"),
      { kind: "news", seq: 4, at: 5, headline: "Fed" } as const,
    ];
    expect(await (await post(batch)).json()).toEqual({ received: 4, inserted: 4, throughSeq: 4 });
    expect(await (await post(batch)).json()).toEqual({ received: 4, inserted: 0, throughSeq: 4 });
    expect(await (await post([fill(3, "team-b"), trade(5)])).json()).toMatchObject({
      inserted: 1,
      throughSeq: 5,
    });
    expect([await count("trade_record"), await count("fill_record"), await count("news_record")]).toEqual([
      2, 2, 1,
    ]);
  });

  it("refuses a wrong token, another game's token and a malformed batch, storing nothing", async () => {
    const before = await count("trade_record");
    expect((await post([trade(100)], { token: "forged" })).status).toBe(401);
    const other = await mintRoomServiceToken("another-game", TEST_ENV.ROOM_TOKEN_SECRET);
    expect((await post([trade(101)], { token: other })).status).toBe(401);
    const bad = await post([{ ...trade(102), price: 25.4 } as GameRecord]);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "BAD_BATCH" });
    expect(await count("trade_record")).toBe(before);
  });
});
